/**
 * The batch 审核 report as one workbook (审核汇总.xlsx): a sheet with one row per unit file, worst
 * first, and a sheet of every finding with file, table, row, column and message.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { narrativeColumns } from '../../shared/consolidation';
import type { FileReport } from './validate-files';

const MESSAGE_WIDTH = 70;
const VERDICT_WIDTH = 40;

const UNIT_COLUMNS = [
  { header: '文件', key: 'file', width: 36 },
  { header: '单位名称', key: 'unitName', width: 32 },
  { header: '单位编码', key: 'unitCode', width: 12 },
  { header: '年度', key: 'fiscalYear', width: 8 },
  { header: '错误', key: 'errors', width: 8 },
  { header: '警告', key: 'warnings', width: 8 },
  { header: '未说明的警告', key: 'unexplained', width: 13 },
  { header: '情况说明数字一致', key: 'figuresAgree', width: 17 },
  { header: '原因齐全', key: 'reasonsComplete', width: 12 },
  { header: '结论', key: 'verdict', width: VERDICT_WIDTH },
];

const FINDING_COLUMNS = [
  { header: '文件', key: 'file', width: 30 },
  { header: '单位名称', key: 'unitName', width: 28 },
  { header: '表', key: 'table', width: 11 },
  { header: '行', key: 'row', width: 10 },
  { header: '栏', key: 'col', width: 6 },
  { header: '规则', key: 'rule', width: 11 },
  { header: '级别', key: 'severity', width: 7 },
  { header: '审核结果', key: 'message', width: MESSAGE_WIDTH },
  { header: '出错说明', key: 'explanation', width: 30 },
];

/** Width in Excel column units: a Chinese character takes two. */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) > 0xff ? 2 : 1;
  return width;
}

/** Worst first: unreadable, then by errors, then unexplained warnings; the file name breaks ties. */
export function rankReports(reports: FileReport[]): FileReport[] {
  return [...reports].sort(
    (a, b) => Number(!!b.error) - Number(!!a.error) || b.errors - a.errors || b.unexplained - a.unexplained || a.file.localeCompare(b.file, 'zh-CN', { numeric: true }),
  );
}

function verdict(report: FileReport): string {
  if (report.error) return `无法读取:${report.error}`;
  if (report.errors) return '有错误,须退回修改';
  if (report.unexplained) return '有未说明的警告';
  return '通过';
}

export async function reportWorkbook(reports: FileReport[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const units = workbook.addWorksheet('单位汇总', { views: [{ state: 'frozen', ySplit: 1 }] });
  units.columns = UNIT_COLUMNS;
  for (const report of rankReports(reports)) {
    const row = units.addRow({
      ...report,
      ...narrativeColumns(report.narrative),
      file: path.basename(report.file),
      unitName: report.unitName ?? '',
      unitCode: report.unitCode ?? '',
      verdict: verdict(report),
    });
    // An unreadable file's verdict (its reason and path) runs to several lines: printed, they overlapped the next unit.
    row.height = 15 * Math.max(1, Math.ceil(textWidth(verdict(report)) / VERDICT_WIDTH));
  }
  const findings = workbook.addWorksheet('审核明细', { views: [{ state: 'frozen', ySplit: 1 }] });
  findings.columns = FINDING_COLUMNS;
  for (const report of reports) {
    for (const finding of report.findings) {
      const row = findings.addRow({
        ...finding,
        table: finding.tableLabel ?? finding.table,
        file: path.basename(report.file),
        unitName: report.unitName ?? '',
        severity: finding.severity === 'error' ? '错误' : '警告',
        explanation: finding.explanation ?? '',
      });
      // Viewers do not grow a row for wrapped text by themselves: the height follows the message's lines.
      row.height = 15 * Math.max(1, Math.ceil(textWidth(finding.message) / MESSAGE_WIDTH));
    }
  }
  // Long texts wrap inside their column instead of running over the next one; every cell sits at the top of its row.
  for (const sheet of [units, findings]) {
    sheet.columns.forEach((column) => (column.alignment = { vertical: 'top', wrapText: ['message', 'explanation', 'verdict'].includes(column.key ?? '') }));
  }
  for (const sheet of [units, findings]) {
    sheet.getRow(1).font = { bold: true };
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columnCount } };
    // Printed for the 会审 meeting: landscape, one page wide, the header row on every page.
    sheet.pageSetup = { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
