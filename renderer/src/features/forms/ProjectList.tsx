import { useMemo, useState } from 'react';
import { formatPoints } from '../../../../shared/forms/decimal';
import { fundingLine } from '../../../../shared/forms/model';
import { profileFor } from '../../../../shared/forms/profiles';
import { formatRate, scoreForm } from '../../../../shared/forms/scoring';
import { displayAmount } from '../../../../shared/money';
import { TOTAL } from '../../../../shared/tables';
import { useYearStore } from '../../stores/use-year-store';
import { AddProject } from './AddProject';
import { computeForm } from './form-draft';
import { removeForm } from './form-history';
import { useFormsStore } from './use-forms-store';
import { disabledWhile, useReadOnlyReason } from '../../stores/read-only';

/** "部门预算项目" → "部门预算": the list has little room and every option ends the same way. */
const short = (text: string | null | undefined) => (text ? text.replace(/项目$/, '') : '');

/**
 * 项目支出绩效自评: the year's project registry with each form's figures computed live, and the
 * set's total 执行数 against 公开03表 项目支出 (R-X22).
 */
export function ProjectList() {
  const readOnly = useReadOnlyReason();
  const entries = useFormsStore((state) => state.entries);
  const loading = useFormsStore((state) => state.loading);
  const open = useFormsStore((state) => state.open);
  const model = useYearStore((state) => state.model)!;
  const version = useYearStore((state) => state.version);
  const [adding, setAdding] = useState(false);
  const [confirming, setConfirming] = useState<number | null>(null);

  const rows = useMemo(
    () =>
      entries
        .filter((entry) => entry.json.subject_type === 'project')
        .map((entry) => {
          const form = computeForm(entry.json);
          const profile = profileFor(entry.json.variant);
          const total = form ? fundingLine(form, 'TOTAL') : undefined;
          return { entry, form, profile, total, score: form ? scoreForm(form, profile) : null };
        }),
    [entries],
  );
  const spent = rows.reduce((sum, row) => sum + (row.total?.actual ?? 0), 0);
  const annex = useMemo(() => {
    try {
      return model.value('公开03表', TOTAL, '3');
    } catch {
      return null;
    }
  }, [model, version]);
  const exceeds = annex !== null && spent > annex + 100;

  return (
    <section className="form-list-page" aria-label="项目支出绩效自评" data-first-field={rows.length || loading ? 'tbody .form-link' : '.form-toolbar .primary'}>
      <div className="form-toolbar">
        <h1 className="form-page-title">项目支出绩效自评</h1>
        {!adding && (
          <button type="button" className="primary" {...disabledWhile(readOnly)} onClick={() => setAdding(true)}>
            ＋ 新增项目
          </button>
        )}
      </div>
      {adding && (
        <AddProject
          onDone={(id) => {
            setAdding(false);
            if (id !== null) open(id);
          }}
        />
      )}
      <div className="form-table-wrap">
        <table className="form-grid form-registry-table">
          <thead>
            <tr>
              {['项目编码', '项目名称', '主管部门', '实施单位', '类别/属性/类型', '周期', '预算数', '执行数', '执行率', '自评得分', '等级', '操作'].map((text) => (
                <th key={text} scope="col">
                  {text}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={12} className="form-empty">
                  {loading ? '读取中…' : '还没有项目自评表。按“新增项目”开始填写。'}
                </td>
              </tr>
            )}
            {rows.map(({ entry, form, profile, total, score }) => (
              <tr key={entry.id} data-code={entry.json.subject_code ?? ''}>
                <td className="form-code">{entry.json.subject_code}</td>
                <td className="form-name">
                  <button type="button" className="form-link" onClick={() => open(entry.id)} title="打开自评表">
                    {entry.json.subject_name}
                  </button>
                  {!form && <span className="form-problem">(内容无法计算)</span>}
                </td>
                <td className="form-ellipsis" title={entry.json.competent_dept ?? ''}>
                  {entry.json.competent_dept}
                </td>
                <td className="form-ellipsis" title={entry.json.implementing_unit ?? ''}>
                  {entry.json.implementing_unit}
                </td>
                <td className="form-ellipsis">{[entry.json.proj_category, entry.json.proj_attribute, entry.json.proj_type].filter(Boolean).map(short).join('/')}</td>
                <td>{short(entry.json.lifecycle)}</td>
                <td className="form-amount">{displayAmount(total?.budget_adjusted ?? null)}</td>
                <td className="form-amount">{displayAmount(total?.actual ?? null)}</td>
                <td className="form-amount">{score && score.execRateBp !== null ? formatRate(score.execRateBp) : ''}</td>
                <td className="form-amount" data-col="total">
                  {profile.scoring.hasTotal ? (formatPoints(score?.total ?? null) ?? '') : '—'}
                </td>
                <td data-col="grade">{score?.grade ?? ''}</td>
                <td className="form-row-actions">
                  <button type="button" onClick={() => open(entry.id)} aria-label={`打开 ${entry.json.subject_name}`}>
                    打开
                  </button>
                  {confirming === entry.id ? (
                    <button type="button" className="form-danger" autoFocus onBlur={() => setConfirming(null)} onClick={() => removeForm(entry.id)}>
                      确认删除
                    </button>
                  ) : (
                    <button type="button" aria-label={`删除 ${entry.json.subject_name}`} {...disabledWhile(readOnly)} onClick={() => setConfirming(entry.id)}>
                      删除
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
          {rows.length > 0 && (
            <tfoot>
              <tr className="form-total-row">
                <th scope="row" colSpan={7} className="form-row-label">
                  合计 {rows.length} 个项目 执行数
                </th>
                <td className={exceeds ? 'form-amount form-off' : 'form-amount'}>
                  <output aria-label="项目执行数合计">{displayAmount(spent)}</output>
                </td>
                <td colSpan={4} className={exceeds ? 'form-off' : 'form-muted'}>
                  公开03表 项目支出 {annex === null ? '未填' : displayAmount(annex)}
                  {exceeds && '(项目执行数之和超过项目支出,见审核 R-X22)'}
                </td>
              </tr>
            </tfoot>
          )}
        </table>
      </div>
    </section>
  );
}
