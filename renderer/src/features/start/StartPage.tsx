import { useEffect, useState, type FormEvent } from 'react';
import { catalogInForce, currentEdition } from '../../../../shared/catalog';
import type { YearInfo } from '../../../../shared/contract';
import { TABLE_SETS } from '../../../../shared/tables/sets';
import { useYearStore } from '../../stores/use-year-store';
import { existingFile, likelyFiscalYear, type NewYearForm } from './new-year-form';
import { loadYearsAndReopen } from './last-opened';
import { YearFileDetails } from './YearFileDetails';

/** Choose a year file or create this year's. */
export function StartPage() {
  const years = useYearStore((state) => state.years);
  const openYear = useYearStore((state) => state.openYear);
  const createYear = useYearStore((state) => state.createYear);
  const [form, setForm] = useState<NewYearForm>({ fiscalYear: likelyFiscalYear(new Date()), unitName: '', unitCode: '', template: '9', numbering: '公开', baselineFrom: '' });

  useEffect(() => void loadYearsAndReopen(), []);

  // Each year starts from last year's file: offer it, and take the unit and template from it. With
  // no file of last year every file is offered, and the one picked makes this the year after it
  // (a base must be last year's: the same year's file failed as "文件已存在" or a wrong-year import).
  const lastYear = years.filter((year) => year.fiscalYear === form.fiscalYear - 1);
  const startFrom = (file: string) => {
    const source = years.find((year) => year.file === file);
    setForm(
      source
        ? { ...form, fiscalYear: source.fiscalYear + 1, baselineFrom: file, unitName: source.unitName, unitCode: source.unitCode, template: source.template, numbering: source.numbering }
        : { ...form, baselineFrom: '' },
    );
  };

  const [creating, setCreating] = useState(false);
  // Checked here, in Chinese: the browser's own bubble speaks the browser's language ("Please fill out this field.").
  const [problem, setProblem] = useState<{ text: string; field: string } | null>(null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const wrong = newYearProblem(form, years);
    setProblem(wrong);
    if (wrong) return event.currentTarget.querySelector<HTMLInputElement>(`[name="${wrong.field}"]`)?.focus();
    setCreating(true);
    void createYear(form).finally(() => setCreating(false));
  };

  return (
    <div className="start-page">
      <h1>决算通</h1>
      <p className="subtitle">部门决算公开表与预算绩效自评 · 离线填报</p>
      <div className="start-columns">
        <section className="card">
          <h2>打开年度文件</h2>
          {years.length === 0 ? (
            <p className="muted">数据目录中还没有年度文件。</p>
          ) : (
            <ul className="year-list">
              {years.map((year) => (
                <li key={year.file}>
                  <button type="button" onClick={() => void openYear(year.file)}>
                    <strong>{year.fiscalYear}年度</strong> {year.unitName}
                    <YearFileDetails year={year} />
                    {year.definitionsEdition > currentEdition() && <span className="form-problem newer-file">由更新版本的决算通创建,请升级决算通后再打开</span>}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
        <form className="card" onSubmit={submit} aria-label="新建年度文件" noValidate>
          <h2>新建年度文件</h2>
          <label>
            决算年度
            <input name="fiscalYear" type="number" min={2000} max={2100} value={form.fiscalYear} onChange={(e) => setForm({ ...form, fiscalYear: Number(e.target.value) })} required />
          </label>
          {validYear(form.fiscalYear) && <p className="catalog-note muted">{catalogInForce(form.fiscalYear).full}</p>}
          <label>
            上年数据
            <select value={form.baselineFrom} onChange={(e) => startFrom(e.target.value)}>
              <option value="">不导入(空白开始)</option>
              {(lastYear.length ? lastYear : years).map((year) => (
                <option key={year.file} value={year.file}>
                  以 {year.fiscalYear}年度 {year.unitName} 为基数
                </option>
              ))}
            </select>
          </label>
          <label>
            单位名称
            <input name="unitName" value={form.unitName} onChange={(e) => setForm({ ...form, unitName: e.target.value })} placeholder="如:荆门市行政审批局(本级)" required />
          </label>
          <label>
            单位编码
            <input value={form.unitCode} onChange={(e) => setForm({ ...form, unitCode: e.target.value })} placeholder="可不填" />
          </label>
          <label>
            报表模板
            <select value={form.template} onChange={(e) => setForm({ ...form, template: e.target.value as NewYearForm['template'] })}>
              {TABLE_SETS.map((set) => (
                <option key={set.id} value={set.id}>
                  {set.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            表号样式
            <select value={form.numbering} onChange={(e) => setForm({ ...form, numbering: e.target.value as NewYearForm['numbering'] })}>
              <option value="公开">公开01表 …</option>
              <option value="表">表一 …</option>
            </select>
          </label>
          {problem && (
            <p className="form-problem" role="alert">
              {problem.text}
            </p>
          )}
          <button type="submit" className="primary" disabled={creating}>
            {creating ? (form.baselineFrom ? '正在创建并导入上年数据…' : '正在创建…') : '创建并打开'}
          </button>
        </form>
      </div>
    </div>
  );
}

const validYear = (year: number) => Number.isInteger(year) && year >= 2000 && year <= 2100;

/** What keeps the new-year form from being sent, and the field to put right; null when nothing does. */
function newYearProblem(form: NewYearForm, years: readonly YearInfo[]): { text: string; field: string } | null {
  if (!validYear(form.fiscalYear)) return { text: '决算年度应为 2000–2100 之间的年份(四位数字)', field: 'fiscalYear' };
  if (!form.unitName.trim()) return { text: '请填写单位名称', field: 'unitName' };
  // Said before sending, in the clerk's terms (the core's refusal names only the path).
  const existing = existingFile(form, years);
  if (existing) return { text: `${existing.fiscalYear}年度 ${existing.unitName} 的年度文件已有(${existing.file}),请在左侧“打开年度文件”中打开它,或改决算年度`, field: 'fiscalYear' };
  return null;
}
