/**
 * Recognises a 绩效自评 form sheet in a workbook and reads it into a form: by the hidden copy of
 * the form our exporter keeps beside it, else by a region's title ("部门预算项目支出绩效自评表(2023年度)").
 */
import { FormParseError, parseForm, serializeForm, type PerfForm, type PerfFormJson } from '../../../shared/forms/model';
import { profileFor, type Profile } from '../../../shared/forms/profiles';
import { FORM_DATA_MARKER, decodeFormData, profileByTitle, splitCodeName } from './form-cells';
import { mergeForm } from './form-merge';
import { readFormCells } from './form-read';
import { SheetView } from './form-sheet';
import { textOf, type SheetGrid } from './read';
import type { Findings } from './read-table';
import { message } from './text';

export interface FoundForm {
  sheet: string;
  form: PerfForm;
  /** The year the sheet states (its title, or the form it carries). */
  fiscalYear?: number;
}

/** Titles sit in the first rows. */
const TITLE_ROWS = 8;

/**
 * undefined: not a form sheet (the annex-table reader may look at it); null: a form sheet that
 * could not be read (the reasons are in `out.errors`); else the form.
 */
export function readFormSheet(grid: SheetGrid, file: string, out: Findings): FoundForm | null | undefined {
  const embedded = findEmbedded(grid);
  // grid.rows is sparse (empty rows are holes): no spread over it.
  const width = embedded ? embedded.col - 1 : grid.rows.reduce((widest, row) => Math.max(widest, row?.length ?? 0), 0);
  const view = new SheetView(grid, width);
  const title = findTitle(view);
  let base: PerfFormJson | null = null;
  if (embedded) {
    try {
      base = embedded.form === null ? null : serializeForm(parseForm(embedded.form));
    } catch (error) {
      if (!(error instanceof FormParseError)) throw error;
    }
  }
  const profile: Profile | undefined = base ? profileFor(base.variant) : title?.profile;
  if (!profile) {
    if (embedded) out.unrecognised.push({ sheet: grid.name, row: 0, cell: '', reason: '隐藏的绩效自评表数据已损坏,且找不到表题,已跳过此工作表' });
    return embedded ? null : undefined;
  }
  if (embedded && !base) out.warnings.push(message({ file, sheet: grid.name }, '隐藏的绩效自评表数据已损坏,只按表中印出的内容导入(表中未印出的项目,如项目周期,将为空)'));

  const errors = out.errors.length;
  const cells = readFormCells(view, profile, (title?.row ?? 0) + 1, file, out);
  if (out.errors.length > errors) return null;
  const json = mergeForm(base, cells, profile);
  let form: PerfForm;
  try {
    form = parseForm(json);
  } catch (error) {
    if (!(error instanceof FormParseError)) throw error;
    out.errors.push(message({ file, sheet: grid.name }, `绩效自评表:${error.message}`));
    return null;
  }
  if (!form.subject_name.trim()) {
    const at = cells.header.get('subject_name')?.at ?? cells.header.get('subject_code_name')?.at;
    out.errors.push(message({ file, sheet: grid.name, ...(at ? { row: at.row, col: at.col } : {}) }, '绩效自评表没有项目(部门)名称'));
    return null;
  }
  if (form.subject_type === 'project' && !form.subject_code?.trim()) {
    // Layouts without a 项目编码 cell (JM-P, GENERIC): clerks often write "编码-名称" as the name.
    const split = splitCodeName(form.subject_name);
    if (split.code) {
      out.warnings.push(message({ file, sheet: grid.name }, `项目编码 ${split.code} 取自项目名称“${form.subject_name}”`));
      return { sheet: grid.name, form: { ...form, subject_code: split.code, subject_name: split.name }, fiscalYear: form.fiscal_year ?? title?.year ?? undefined };
    }
    const at = cells.header.get('subject_code')?.at ?? cells.header.get('subject_code_name')?.at;
    const where = at ? { row: at.row, col: at.col } : {};
    out.errors.push(message({ file, sheet: grid.name, ...where }, `项目“${form.subject_name}”没有项目编码,无法确定是哪个项目(自评表按项目编码保存)`));
    return null;
  }
  return { sheet: grid.name, form, fiscalYear: form.fiscal_year ?? title?.year ?? undefined };
}

/** The marker cell of the hidden data column and the form in the cells under it. */
function findEmbedded(grid: SheetGrid): { col: number; form: unknown | null } | undefined {
  for (const [r, row] of grid.rows.entries()) {
    const c = row?.findIndex((cell) => textOf(cell) === FORM_DATA_MARKER) ?? -1;
    if (c < 0) continue;
    const chunks: string[] = [];
    for (let below = r + 1; grid.rows[below]?.[c]?.kind === 'text'; below++) chunks.push(textOf(grid.rows[below][c]));
    return { col: c + 1, form: decodeFormData(chunks) };
  }
  return undefined;
}

function findTitle(view: SheetView): { row: number; profile: Profile; year: number | null } | undefined {
  for (let r = 1; r <= Math.min(TITLE_ROWS, view.rows); r++) {
    for (let c = 1; c <= view.width; c++) {
      if (view.master(r, c)[1] !== c) continue;
      const found = profileByTitle(view.text(r, c));
      if (found) return { row: r, ...found };
    }
  }
  return undefined;
}
