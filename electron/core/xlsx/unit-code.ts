/**
 * The unit code (单位代码) travels in the workbook's document properties (文件 → 属性 → 关键词 in
 * Excel/WPS), not on a printed page: the official layouts have no place for it. Both writers put it
 * there and both readers take it back, so export → import keeps it. The 绩效自评 表样 (地区表样)
 * travels there too: a workbook without a 自评表 sheet shows it nowhere else, yet it decides the
 * layout of the forms begun later and, for 荆门, the 决算公开 outline. The title property
 * (“2023年度部门决算公开表”) likewise carries the fiscal year, which the printed tables do not show.
 */
import { DEFAULT_FORM_REGION, isFormRegion, type FormRegion } from '../../../shared/forms/regions';

const LABEL = '单位代码';
const REGION_LABEL = '地区表样';

/** “单位代码:158001;地区表样:荆门”; the national 表样 and an empty code are left out. */
export function workbookKeywords(code: string, region: FormRegion): string {
  return [code ? `${LABEL}:${code}` : '', region !== DEFAULT_FORM_REGION ? `${REGION_LABEL}:${region}` : ''].filter(Boolean).join(';');
}

/** The 地区表样 named in a keywords property, if it is one this program knows. */
export function formRegionIn(keywords: string | undefined): FormRegion | undefined {
  const name = keywords?.match(new RegExp(`${REGION_LABEL}\\s*[::]\\s*([^;;,,\\s]+)`))?.[1];
  return name && isFormRegion(name) ? name : undefined;
}

/** The code named in a keywords property, if any (a full-width or ASCII colon, as a clerk may retype it). */
export function unitCodeIn(keywords: string | undefined): string | undefined {
  const match = keywords?.match(new RegExp(`${LABEL}\\s*[::]\\s*([0-9A-Za-z-]+)`));
  return match?.[1];
}

/** The fiscal year a title property states (“2023年度…”), if any. */
export function yearInTitle(title: string | undefined): number | undefined {
  const match = title?.match(/((?:19|20)\d\d)\s*年度/);
  return match ? Number(match[1]) : undefined;
}
