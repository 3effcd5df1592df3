/**
 * The unit code (单位代码) travels in the workbook's document properties (文件 → 属性 → 关键词 in
 * Excel/WPS), not on a printed page: the official layouts have no place for it. Both writers put it
 * there and both readers take it back, so export → import keeps it. The title property
 * (“2023年度部门决算公开表”) likewise carries the fiscal year, which the printed tables do not show.
 */
const LABEL = '单位代码';

export function unitKeywords(code: string): string {
  return code ? `${LABEL}:${code}` : '';
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
