/**
 * What every 审核 message must say, as the clerk reads it (issue 9): where (the table, the row by its
 * 行次, 科目 or name, the column where the row has several), what was expected and what was found
 * (both figures, as shown), and what to do (a “请…” sentence). Returns what is missing; [] when none.
 */
import { show } from '../../../shared/rules/context';
import { SUPP_FIELDS, SUPP_TABLE, TEXT_TABLE, type Finding, type ModelView } from '../../../shared/rules';
import { parseAmount } from '../../../shared/money';
import { FORMS_TABLE } from '../../../shared/forms/year-check';

const figure = (text: string) => {
  // Amounts are shown with thousands separators; counts, rates and names as they are.
  if (!/^-?\d+(\.\d+)?$/.test(text)) return text;
  try {
    return text.includes('.') ? show(parseAmount(text)!) : text;
  } catch {
    return text;
  }
};

export function missingFromMessage(finding: Finding, model: ModelView): string[] {
  const { message } = finding;
  const missing: string[] = [];
  const has = (...texts: string[]) => texts.some((text) => text && message.includes(text));
  if (finding.table === SUPP_TABLE) {
    const field = SUPP_FIELDS.find((candidate) => candidate.key === finding.row || finding.row.startsWith(`${candidate.key}.`) || candidate.key.startsWith(`${finding.row}.`));
    if (!has(SUPP_TABLE, field?.label ?? '', field?.group ?? '')) missing.push('补充信息的栏目');
  } else if (finding.table === TEXT_TABLE) {
    if (!has(TEXT_TABLE)) missing.push('情况说明');
  } else if (finding.table === FORMS_TABLE) {
    // The form by its project (or 部门整体) name, never its 21-digit code.
    if (/\d{21}/.test(message) || !/^[^:]+:/.test(message)) missing.push('自评表(项目名称)');
  } else {
    if (!has(finding.table)) missing.push('表名');
    const def = model.table(finding.table);
    const label = model.row(finding.table, finding.row)?.label.replace(/\s+/g, '') ?? '';
    const singleRow = def.kind === 'fixed' && def.rows.length === 1;
    const inRange = [...message.matchAll(/第(\d+)至(\d+)行/g)].some(([, from, to]) => Number(finding.row) >= Number(from) && Number(finding.row) <= Number(to));
    const rowNamed = singleRow || inRange || has(`第${finding.row}行`, `科目 ${finding.row}`, `经济分类 ${finding.row}`, finding.row === '合计' ? '合计' : `“${finding.row}”`, label && message.replace(/\s+/g, '').includes(label) ? message : '');
    if (!rowNamed) missing.push('行(行次、科目或名称)');
    const row = model.row(finding.table, finding.row);
    const cells = row ? Object.keys(row.rules).length : 0;
    const header = def.columns.find((column) => column.col === finding.col)?.header ?? [];
    if (finding.col && cells > 1 && !has(`第${finding.col}栏`, (header[header.length - 1] ?? '').replace(/\s+/g, ''))) missing.push('栏(栏次或表头)');
  }
  if (finding.expected !== null && !has(figure(finding.expected))) missing.push(`应有的数 ${finding.expected}`);
  if (finding.actual !== null && !has(figure(finding.actual))) missing.push(`实有的数 ${finding.actual}`);
  if (!/请/.test(message)) missing.push('怎么办(“请…”)');
  return missing;
}
