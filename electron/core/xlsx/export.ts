/**
 * Export of a year as one workbook: every annex table of the file's template on its own sheet in
 * printed layout (SPEC §1.0, Appendix B), then each 绩效自评 form on its own sheet in its region's
 * layout (form-plan.ts), optionally marked as a draft, optionally with a 审核说明 sheet listing the
 * validator's findings.
 */
import type { YearInfo } from '../../../shared/contract';
import type { PerfForm } from '../../../shared/forms/model';
import type { Amount } from '../../../shared/money';
import { printedLabel, type TableDef, type YearModel } from '../../../shared/tables';
import type { InputLine } from '../../../shared/report';
import { SUPP_TABLE, TEXT_TABLE, suppFieldOf } from '../../../shared/rules';
import { fieldName } from '../../../shared/forms/field-names';
import { FORMS_TABLE } from '../../../shared/forms/year-check';
import { formSheetNames } from './form-geometry';
import { planForm } from './form-plan';
import { inputsSheetName, planInputs } from './inputs-plan';
import { cellLogic } from './formulas';
import { lineCount, planTable, type PlanCell, type SheetPlan } from './plan';
import { DRAFT } from './text';
import { workbookKeywords } from './unit-code';
import { writeXls } from './write-xls';
import { writeXlsx } from './write-xlsx';

/**
 * One validation finding as the 审核说明 sheet prints it. Structurally a subset of the rules engine's
 * `Finding`, so the caller passes `validateYear(...)` output unchanged.
 */
export interface AuditLine {
  severity: 'error' | 'warning';
  table: string;
  row: string;
  col: string;
  message: string;
  explanation?: string;
}

export interface ExportOptions {
  format: 'xlsx' | 'xls';
  /** Marks every sheet and title as 草稿 and adds a 草稿 line; the caller decides (e.g. when errors remain). */
  draft: boolean;
  /** Findings for the 审核说明 sheet; undefined = not validated (a draft then says so). */
  audit?: readonly AuditLine[];
  /** Lock computed and linked cells so only inputs can be edited (no password); off unless the user asks. */
  protect?: boolean;
  /**
   * Print the 审核说明 sheet in the 报送版 too (for a region that requires it). Otherwise the 报送版
   * keeps it as a hidden sheet that never prints and page numbers count only the tables; a draft prints it.
   */
  printAudit?: boolean;
  /** The 决算公开 inputs that are no table cells (inputs-plan.ts); their sheet follows the forms. */
  inputs?: readonly InputLine[];
  /** The scored frameworks' sheets (framework-sheet.ts), after the forms; `taken`: names already used. */
  frameworks?(draft: boolean, taken: string[]): SheetPlan[];
}

/** What the exporter reads of an open year (a YearSession satisfies it). */
export interface ExportSource {
  info: YearInfo;
  model: YearModel;
  tables(): TableDef[];
  /** The year's 绩效自评 forms (project forms by code, then the department form). */
  forms?(): PerfForm[];
  /** Computed cells as an imported workbook printed them: table → "row|col" → amount. */
  printed?(): ReadonlyMap<string, ReadonlyMap<string, Amount>>;
}

export const AUDIT_SHEET = '审核说明';

export async function exportWorkbook(source: ExportSource, options: ExportOptions): Promise<{ name: string; mime: string; bytes: Buffer }> {
  const info = source.info;
  const printed = source.printed?.();
  const plans = source.tables().map((def) =>
    planTable(def, source.model, { label: printedLabel(def.id, info.template, info.numbering), unitName: info.unitName, draft: options.draft, printed: printed?.get(def.id) }),
  );
  const logic = cellLogic(plans, source.model);
  plans.push(...formPlans(source, options.draft, [...plans.map((plan) => plan.name), AUDIT_SHEET, inputsSheetName(options.draft)]));
  if (options.frameworks) plans.push(...options.frameworks(options.draft, [...plans.map((plan) => plan.name), AUDIT_SHEET, inputsSheetName(options.draft)]));
  if (options.inputs) plans.push(planInputs(options.inputs, options.draft));
  // The 表 column names a table as this year prints it (表五, not 川05表); 补充信息, 情况说明, 绩效自评 as they are.
  const tableIds = new Set(source.tables().map((def) => def.id));
  const audit = auditPlan(options, (table) => (tableIds.has(table) ? printedLabel(table, info.template, info.numbering) : table));
  if (audit) plans.push({ ...audit, hidden: !options.draft && !options.printAudit });
  const title = `${info.fiscalYear}年度部门决算公开表`;
  const write = { draft: options.draft, creator: '决算通', logic, protect: options.protect, properties: { title, keywords: workbookKeywords(info.unitCode, info.formRegion) } };
  const bytes = options.format === 'xls' ? writeXls(plans, write) : await writeXlsx(plans, write);
  const unit = info.unitName.replace(/[\\/:*?"<>|\s]+/g, '');
  return {
    name: `${title}_${unit}${options.draft ? `(${DRAFT})` : ''}.${options.format}`,
    mime: options.format === 'xls' ? 'application/vnd.ms-excel' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    bytes,
  };
}

/** One sheet per form; JM-P headings count the forms of their variant, MS-P's footer follows the last one. */
function formPlans(source: ExportSource, draft: boolean, taken: string[]): SheetPlan[] {
  const forms = source.forms?.() ?? [];
  const names = formSheetNames(forms, taken, draft);
  const seen = new Map<string, number>();
  // Where each variant's last form is, found once (looking ahead from every form was quadratic).
  const lastOfVariant = new Map(forms.map((form, i) => [form.variant, i]));
  return forms.map((form, i) => {
    const seq = (seen.get(form.variant) ?? 0) + 1;
    seen.set(form.variant, seq);
    const last = lastOfVariant.get(form.variant) === i;
    return planForm(form, { fiscalYear: source.info.fiscalYear, sheetName: names[i], seq, draft, batchNotes: last });
  });
}

/**
 * The 行 a reviewer reads for a finding: a 补充信息 field by its printed name (政府采购支出总额, not
 * gov_procurement.total); nothing for a 情况说明 sentence, which the message quotes. A 自评表's
 * finding has the form's code as 行 and its field, named (field-names.ts), as 栏.
 */
function printedRow(line: AuditLine): string {
  if (line.table === SUPP_TABLE) return suppFieldOf(line.row)?.label ?? line.row;
  return line.table === TEXT_TABLE ? '' : line.row;
}

/** The 审核说明 sheet: one line per finding, or a line saying there are none / no audit was run. */
function auditPlan(options: ExportOptions, tableLabel: (table: string) => string): SheetPlan | null {
  if (!options.audit?.length && !options.draft) return null;
  const headers = ['序号', '表', '行', '栏', '类别', '说明', '出错说明'];
  const cells: PlanCell[] = [{ row: 1, col: 1, value: AUDIT_SHEET, style: 'title' }];
  headers.forEach((text, index) => cells.push({ row: 2, col: index + 1, value: text, style: 'header' }));
  // 行 and 栏 hold a 自评表's code and field name (第12项指标 指标值) as well as row and column numbers.
  const widths = [6, 12, 12, 12, 8, 62, 30];
  const rowHeights = new Map([[1, 28]]);
  let row = 3;
  for (const [index, line] of (options.audit ?? []).entries()) {
    const values = [index + 1, tableLabel(line.table), printedRow(line), line.table === FORMS_TABLE ? fieldName(line.col) : line.col, line.severity === 'error' ? '错误' : '警告', line.message, line.explanation ?? ''];
    values.forEach((value, col) => cells.push({ row, col: col + 1, value, style: col === 0 ? 'center' : 'text' }));
    // Tall enough for the longest wrapped text: the message, the 出错说明, a form's code or field name.
    rowHeights.set(row, 15 * Math.max(...values.map((value, col) => (col ? lineCount(String(value), widths[col]) : 1))) + 3);
    row++;
  }
  if (row === 3) {
    cells.push({ row, col: 1, value: options.audit ? '审核通过:没有错误和警告。' : '本草稿导出时未运行审核。', style: 'text' });
    row++;
  }
  return {
    name: AUDIT_SHEET,
    table: AUDIT_SHEET,
    width: headers.length,
    cells,
    merges: [{ top: 1, left: 1, bottom: 1, right: headers.length }, ...(options.audit?.length ? [] : [{ top: 3, left: 1, bottom: 3, right: headers.length }])],
    columnWidths: widths,
    rowHeights,
    header: { first: 2, last: 2 },
    grid: { first: 2, last: row - 1 },
  };
}
