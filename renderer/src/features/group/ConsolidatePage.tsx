import { useCallback, useEffect, useRef, useState } from 'react';
import { FRAMEWORKS_NOTE, unitFrameworkScore, unitFrameworkTitle, type ConsolidationPlan, type DrillDown, type Offset, type UnitFramework } from '../../../../shared/consolidation';
import type { YearInfo } from '../../../../shared/contract';
import { displayAmount, formatAmount, parseAmount } from '../../../../shared/money';
import { printedLabel } from '../../../../shared/tables';
import { call } from '../../api';
import { useYearStore } from '../../stores/use-year-store';
import { OffsetTable } from './OffsetTable';
import { UnitFrameworkPage } from './UnitFrameworkPage';

/** 汇总: choose unit files, see problems and the proposed offsets (editable), confirm, then drill down. */
export function ConsolidatePage() {
  const openYear = useYearStore((state) => state.openYear);
  const [years, setYears] = useState<YearInfo[]>([]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [unit, setUnit] = useState({ unitName: '', unitCode: '', out: '' });
  const [adjust, setAdjust] = useState<'auto' | 'none'>('auto');
  const [plan, setPlan] = useState<ConsolidationPlan | null>(null);
  const [offsets, setOffsets] = useState<Offset[] | null>(null);
  const [result, setResult] = useState<YearInfo | null>(null);
  const [drill, setDrill] = useState<DrillDown | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** After “按原汇总重新汇总”: the unit files changed since that 汇总 was made. */
  const [changed, setChanged] = useState<string[] | null>(null);
  /** A unit's framework opened from the list (read from the 汇总 file), and the list row to return to. */
  const [viewing, setViewing] = useState<UnitFramework | null>(null);
  const returnTo = useRef<string | null>(null);

  useEffect(() => {
    call('listYears', {}).then(setYears, (failure: Error) => setError(failure.message));
  }, []);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const request = (edited: Offset[] | null) => ({ files: chosen, unitName: unit.unitName, unitCode: unit.unitCode || undefined, adjust, offsets: edited ?? undefined });
  const check = (edited: Offset[] | null) =>
    run(async () => {
      const planned = await call('planConsolidation', request(edited));
      setPlan(planned);
      setOffsets(planned.offsets);
      setResult(null);
      setDrill(null);
    });
  const confirm = () =>
    run(async () => {
      const done = await call('consolidate', { ...request(offsets), out: unit.out });
      setPlan(done.plan);
      setResult(done.info);
      setYears(await call('listYears', {}));
    });
  /** Re-汇总 of an existing result: its units, 汇总 unit and offsets as recorded, checked again with the units' files as they are now. */
  const again = () =>
    run(async () => {
      const record = await call('consolidationRecord', { out: unit.out });
      setChosen(record.files);
      setUnit({ unitName: record.unitName, unitCode: record.unitCode, out: unit.out });
      setChanged(record.changed);
      const planned = await call('planConsolidation', { files: record.files, unitName: record.unitName, unitCode: record.unitCode || undefined, adjust, offsets: record.offsets });
      setPlan(planned);
      setOffsets(planned.offsets);
      setResult(null);
      setDrill(null);
    });
  const drillInto = (table: string, row: string, col: string) => run(async () => setDrill(await call('drillDown', { file: result!.file, table, row, col })));
  const openFramework = (entry: UnitFramework) =>
    run(async () => {
      returnTo.current = frameworkRowKey(entry);
      const { unitCode, unitName, doc } = entry;
      setViewing(await call('unitFramework', { file: result!.file, unitCode, unitName, kind: doc.framework.framework, subject_code: doc.subject_code }));
    });
  const closeFramework = useCallback(() => setViewing(null), []);
  useEffect(() => {
    if (viewing || !returnTo.current) return;
    document.querySelector<HTMLElement>(`[data-fw-open="${CSS.escape(returnTo.current)}"]`)?.focus();
  }, [viewing]);
  const toggle = (file: string) => setChosen(chosen.includes(file) ? chosen.filter((other) => other !== file) : [...chosen, file]);
  const edited = offsets !== null && plan !== null && JSON.stringify(offsets) !== JSON.stringify(plan.offsets);

  if (viewing) return <UnitFrameworkPage entry={viewing} onBack={closeFramework} />;
  return (
    <div className="consolidate-page">
      {error && <p className="message-bar error-bar" role="alert">{error}</p>}
      <section className="card" aria-label="选择单位文件">
        <h2>1. 选择参加汇总的单位年度文件</h2>
        <div className="unit-choices">
          {years.map((year) => (
            <label key={year.file} className="choice">
              <input type="checkbox" checked={chosen.includes(year.file)} onChange={() => toggle(year.file)} />
              {year.fiscalYear}年度 {year.unitName}
              <span className="muted"> {year.file}</span>
            </label>
          ))}
        </div>
        <div className="consolidate-target">
          <label>
            汇总单位(主管部门)名称
            <input value={unit.unitName} onChange={(e) => setUnit({ ...unit, unitName: e.target.value, out: unit.out || '' })} placeholder="如:荆门市行政审批局" />
          </label>
          <label>
            单位编码
            <input value={unit.unitCode} onChange={(e) => setUnit({ ...unit, unitCode: e.target.value })} placeholder="可不填" />
          </label>
          <label>
            汇总结果文件名
            <input value={unit.out} onChange={(e) => setUnit({ ...unit, out: e.target.value })} placeholder="如:2023汇总.sqlite" />
          </label>
          <label>
            内部往来调整
            <select value={adjust} onChange={(e) => setAdjust(e.target.value as 'auto' | 'none')}>
              <option value="auto">按相同金额自动配对抵销</option>
              <option value="none">不调整</option>
            </select>
          </label>
        </div>
        <button type="button" className="primary" disabled={busy || !chosen.length || !unit.unitName.trim()} onClick={() => void check(null)}>
          {busy && !plan ? '正在检查…' : '检查'}
        </button>
        <button type="button" disabled={busy || !years.some((year) => year.file === unit.out)} title="汇总结果文件名为已有的汇总结果时,按它记录的单位、汇总单位和调整重新检查,确认后替换它(汇总文件中自己填写的内容保留)" onClick={() => void again()}>
          按原汇总重新汇总
        </button>
        {changed && <p className="muted">{changed.length ? `汇总后修改过的单位文件:${changed.join('、')}` : '各单位文件在汇总后都没有修改'}</p>}
      </section>

      {plan && (
        <section className="card" aria-label="汇总检查结果">
          <h2>
            2. 检查结果:{plan.fiscalYear}年度,{plan.units.length} 个单位参加汇总
          </h2>
          <table className="group-table">
            <thead>
              <tr>
                <th>单位</th>
                <th>编码</th>
                <th>错误</th>
                <th>警告</th>
                <th>文件</th>
              </tr>
            </thead>
            <tbody>
              {plan.units.map((entry) => (
                <tr key={entry.file}>
                  <td>
                    {entry.unitName}
                    {entry.members.length > 0 && <span className="muted">(节点汇总,含 {entry.members.length} 个单位)</span>}
                  </td>
                  <td>{entry.unitCode}</td>
                  <td className={entry.errors ? 'num bad' : 'num'}>{entry.errors}</td>
                  <td className="num">{entry.warnings}</td>
                  <td>{entry.file}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {plan.units.some((entry) => entry.frameworks.length > 0) && (
            <table className="group-table" aria-label="各单位评价指标体系">
              <caption>{FRAMEWORKS_NOTE}</caption>
              <thead>
                <tr>
                  <th>单位</th>
                  <th>评价指标体系</th>
                  <th>合计得分</th>
                  <th>{result ? '' : '确认汇总后可查看'}</th>
                </tr>
              </thead>
              <tbody>
                {plan.units
                  .flatMap((entry) => entry.frameworks)
                  .map((entry) => (
                    <tr key={frameworkRowKey(entry)}>
                      <td>{entry.unitName}</td>
                      <td>{unitFrameworkTitle(entry)}</td>
                      <td className="num">{unitFrameworkScore(entry)}</td>
                      <td>
                        {result && (
                          <button type="button" data-fw-open={frameworkRowKey(entry)} aria-label={`查看 ${entry.unitName} ${unitFrameworkTitle(entry)}`} disabled={busy} onClick={() => void openFramework(entry)}>
                            查看
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          )}
          {plan.problems.length > 0 && (
            <ul className="problem-list" aria-label="问题">
              {plan.problems.map((problem) => (
                <li key={problem.file + problem.kind} className={problem.refused ? 'error' : 'warning'}>
                  {/* The file too: a unit's file of another year bears the same name as the one summed. */}
                  <strong>{problem.refused ? '未汇总' : '提示'}</strong> {problem.unitName ? `${problem.unitName}(${problem.file})` : problem.file}:{problem.message}
                </li>
              ))}
            </ul>
          )}
          <h3>调整表(抵销内部往来)</h3>
          {offsets && <OffsetTable offsets={offsets} units={plan.units} onChange={setOffsets} />}
          {plan.unmatched.length > 0 && (
            <ul className="problem-list" aria-label="未抵销的内部往来">
              {plan.unmatched.map((item) => (
                <li key={`${item.file}|${item.table}|${item.row}|${item.col}`} className="warning">
                  未抵销:{nameOf(plan, item.file)} {printedLabel(item.table, plan.template, plan.numbering)} {item.row} 第{item.col}栏 {item.amount} 万元
                </li>
              ))}
            </ul>
          )}
          {edited && (
            <button type="button" disabled={busy} onClick={() => void check(offsets)}>
              按修改后的调整重新检查
            </button>
          )}
          <h3>
            调整前后:公开01表 总计 {shown(plan.total.before)} → {shown(plan.total.after)}
          </h3>
          <table className="group-table" aria-label="调整前后">
            <thead>
              <tr>
                <th>表</th>
                <th>项目</th>
                <th>栏</th>
                <th>调整前</th>
                <th>调整后</th>
              </tr>
            </thead>
            <tbody>
              {plan.changes.map((change) => (
                <tr key={`${change.table}|${change.row}|${change.col}`} className={result ? 'clickable' : undefined} onClick={() => result && void drillInto(change.table, change.row, change.col)}>
                  <td>{printedLabel(change.table, plan.template, plan.numbering)}</td>
                  <td>{change.label}</td>
                  <td>{change.col}</td>
                  <td className="num">{shown(change.before)}</td>
                  <td className="num">{shown(change.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {!result && (
            <button type="button" className="primary" disabled={busy || edited || !/\.sqlite$/.test(unit.out)} onClick={() => void confirm()}>
              {plan.problems.length ? '已了解以上问题,确认汇总' : '确认汇总'}
            </button>
          )}
          {!result && !/\.sqlite$/.test(unit.out) && <span className="muted"> 请填写以 .sqlite 结尾的汇总结果文件名</span>}
        </section>
      )}

      {result && (
        <section className="card" aria-label="汇总结果">
          <h2>3. 已汇总到 {result.file}</h2>
          <p>
            汇总的表只读;单位文件修改后重新汇总即可。点击上表中的一行,查看各单位对该单元格的贡献。
            <button type="button" onClick={() => void openYear(result.file)}>
              打开汇总结果
            </button>
          </p>
          {drill && (
            <table className="group-table" aria-label="各单位贡献">
              <caption>
                {plan ? printedLabel(drill.table, plan.template, plan.numbering) : drill.table} {drill.label} 第{drill.col}栏:汇总数 {shown(drill.value)},各单位合计 {shown(unitsTotal(drill))}
                {drill.offsets.length > 0 && `(本单元格调整 ${drill.offsets.map((offset) => `−${shown(offset.amount)}`).join('、')})`}
              </caption>
              <thead>
                <tr>
                  <th>单位</th>
                  <th>本单位数</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {drill.units.map((entry) => (
                  <tr key={entry.file}>
                    <td>{entry.unitName}</td>
                    <td className="num">{shown(entry.value)}</td>
                    <td>
                      <button type="button" onClick={() => void openYear(entry.file)}>
                        打开此单位
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </div>
  );
}

/** Amounts as the tables print them: two decimals, thousands separators. */
function shown(text: string | null): string {
  return displayAmount(text === null ? 0 : parseAmount(text));
}

function unitsTotal(drill: DrillDown): string | null {
  return formatAmount(drill.units.reduce((sum, unit) => sum + (unit.value === null ? 0 : parseAmount(unit.value)!), 0));
}

function nameOf(plan: ConsolidationPlan, file: string): string {
  return plan.units.find((unit) => unit.file === file)?.unitName ?? file;
}

/** Which framework of which unit a list row is (a unit by 编码, else 名称). */
function frameworkRowKey({ unitCode, unitName, doc }: UnitFramework): string {
  return `${unitCode}|${unitName}|${doc.framework.framework}|${doc.subject_code}`;
}
