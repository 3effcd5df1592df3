import { useEffect, useMemo, useState } from 'react';
import { narrativeColumns, type ValidationReport } from '../../../../shared/consolidation';
import { call } from '../../api';
import { useYearStore } from '../../stores/use-year-store';
import { deliver } from '../exchange/files';

type SortKey = 'file' | 'unitName' | 'unitCode' | 'fiscalYear' | 'errors' | 'warnings' | 'unexplained' | 'figuresDisagreeing' | 'reasonsMissing';

const COLUMNS: { key: SortKey; label: string; numeric?: boolean }[] = [
  { key: 'file', label: '文件' },
  { key: 'unitName', label: '单位名称' },
  { key: 'unitCode', label: '单位编码' },
  { key: 'fiscalYear', label: '年度', numeric: true },
  { key: 'errors', label: '错误', numeric: true },
  { key: 'warnings', label: '警告', numeric: true },
  { key: 'unexplained', label: '未说明的警告', numeric: true },
  // Sorted by the count behind the words, so the units with most to fix come first.
  { key: 'figuresDisagreeing', label: '情况说明数字一致', numeric: true },
  { key: 'reasonsMissing', label: '原因齐全', numeric: true },
];

/** A file that could not be read ranks above every error count: it could not be checked at all (as in the report workbook). */
const sortValue = (report: ValidationReport, key: SortKey) =>
  key === 'figuresDisagreeing' || key === 'reasonsMissing' ? report.narrative?.[key] : key === 'errors' && report.error ? Number.MAX_SAFE_INTEGER : report[key];

/** Every year file of the data folder checked at once: one sortable row per unit, its findings below. */
export function BatchPage() {
  const openYear = useYearStore((state) => state.openYear);
  const [reports, setReports] = useState<ValidationReport[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sort, setSort] = useState<{ key: SortKey; down: boolean }>({ key: 'errors', down: true });
  const [chosen, setChosen] = useState<string | null>(null);

  useEffect(() => {
    call('validateFolder', {}).then(setReports, (failure: Error) => setError(failure.message));
  }, []);

  const sorted = useMemo(() => {
    const column = COLUMNS.find((candidate) => candidate.key === sort.key)!;
    const value = (report: ValidationReport) => sortValue(report, sort.key) ?? (column.numeric ? -1 : '');
    return [...(reports ?? [])].sort((a, b) => {
      const order = column.numeric ? (value(a) as number) - (value(b) as number) : String(value(a)).localeCompare(String(value(b)), 'zh-CN');
      return (sort.down ? -order : order) || a.file.localeCompare(b.file);
    });
  }, [reports, sort]);
  const detail = reports?.find((report) => report.file === chosen);

  const download = async () => {
    try {
      const workbook = await call('exportValidationReport', {});
      await deliver(workbook.name, workbook.mime, workbook.dataBase64);
    } catch (failure) {
      setError((failure as Error).message);
    }
  };

  if (error) return <p className="message-bar error-bar">{error}</p>;
  if (!reports) return <p className="muted">正在审核数据目录中的全部年度文件…</p>;
  const failing = reports.filter((report) => report.errors || report.error).length;
  return (
    <div className="batch-page">
      <p>
        共 {reports.length} 个年度文件,{failing} 个有错误或无法读取。点击表头排序,点击一行查看审核明细。
        <button type="button" onClick={() => void download()}>
          导出审核汇总(Excel)
        </button>
      </p>
      <table className="group-table" aria-label="各单位审核结果">
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <th key={column.key} aria-sort={sort.key === column.key ? (sort.down ? 'descending' : 'ascending') : 'none'}>
                <button type="button" onClick={() => setSort({ key: column.key, down: sort.key === column.key ? !sort.down : column.numeric === true })}>
                  {column.label}
                  {sort.key === column.key ? (sort.down ? ' ▼' : ' ▲') : ''}
                </button>
              </th>
            ))}
            <th>结论</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((report) => (
            <tr key={report.file} className={report.file === chosen ? 'chosen' : undefined} onClick={() => setChosen(report.file)}>
              <td>{report.file}</td>
              <td>{report.unitName}</td>
              <td>{report.unitCode}</td>
              <td className="num">{report.fiscalYear}</td>
              <td className={report.errors || report.error ? 'num bad' : 'num'}>{report.error ? '—' : report.errors}</td>
              <td className="num">{report.warnings}</td>
              <td className="num">{report.unexplained}</td>
              <td className={report.narrative?.figuresDisagreeing ? 'bad' : undefined}>{narrativeColumns(report.narrative).figuresAgree}</td>
              <td className={report.narrative?.reasonsMissing ? 'bad' : undefined}>{narrativeColumns(report.narrative).reasonsComplete}</td>
              <td>{report.error ? `无法读取:${report.error}` : report.errors ? '有错误,须退回修改' : report.unexplained ? '有未说明的警告' : '通过'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {detail && (
        <section className="card" aria-label="审核明细">
          <h2>
            {detail.unitName ?? detail.file} 的审核明细
            <button type="button" onClick={() => void openYear(detail.file)}>
              打开此文件
            </button>
          </h2>
          {detail.findings.length === 0 ? (
            <p className="muted">没有审核问题。</p>
          ) : (
            <ul className="finding-lines">
              {detail.findings.map((finding, index) => (
                <li key={index} className={finding.severity}>
                  [{finding.severity === 'error' ? '错误' : '警告'}] {finding.message}
                  {finding.explanation && <span className="muted">(说明:{finding.explanation})</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
