/**
 * The batch 审核 report as one workbook (审核汇总.xlsx): a sheet with one row per unit file, worst
 * first, and a sheet of every finding with file, table, row, column and message.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { FileReport } from './validate-files';

const UNIT_COLUMNS = [
  { header: '文件', key: 'file', width: 36 },
  { header: '单位名称', key: 'unitName', width: 32 },
  { header: '单位编码', key: 'unitCode', width: 12 },
  { header: '年度', key: 'fiscalYear', width: 8 },
  { header: '错误', key: 'errors', width: 8 },
  { header: '警告', key: 'warnings', width: 8 },
  { header: '未说明的警告', key: 'unexplained', width: 13 },
  { header: '结论', key: 'verdict', width: 40 },
];

const FINDING_COLUMNS = [
  { header: '文件', key: 'file', width: 30 },
  { header: '单位名称', key: 'unitName', width: 28 },
  { header: '表', key: 'table', width: 11 },
  { header: '行', key: 'row', width: 10 },
  { header: '栏', key: 'col', width: 6 },
  { header: '规则', key: 'rule', width: 11 },
  { header: '级别', key: 'severity', width: 7 },
  { header: '审核结果', key: 'message', width: 70 },
  { header: '出错说明', key: 'explanation', width: 30 },
];

/** Worst first: unreadable, then by errors, then unexplained warnings; the file name breaks ties. */
export function rankReports(reports: FileReport[]): FileReport[] {
  return [...reports].sort(
    (a, b) => Number(!!b.error) - Number(!!a.error) || b.errors - a.errors || b.unexplained - a.unexplained || a.file.localeCompare(b.file),
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
    units.addRow({ ...report, file: path.basename(report.file), unitName: report.unitName ?? '', unitCode: report.unitCode ?? '', verdict: verdict(report) });
  }
  const findings = workbook.addWorksheet('审核明细', { views: [{ state: 'frozen', ySplit: 1 }] });
  findings.columns = FINDING_COLUMNS;
  for (const report of reports) {
    for (const finding of report.findings) {
      findings.addRow({
        ...finding,
        file: path.basename(report.file),
        unitName: report.unitName ?? '',
        severity: finding.severity === 'error' ? '错误' : '警告',
        explanation: finding.explanation ?? '',
      });
    }
  }
  for (const sheet of [units, findings]) {
    sheet.getRow(1).font = { bold: true };
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columnCount } };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
