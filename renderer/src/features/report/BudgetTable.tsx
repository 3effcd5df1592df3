import { useEffect, useState } from 'react';
import { TOTAL } from '../../../../shared/tables';
import { BUDGET_KEY } from '../../../../shared/report';
import { useYearStore } from '../../stores/use-year-store';
import { useReadOnlyReason } from '../../stores/read-only';

const T05 = '公开05表';

/**
 * 年初预算 of 一般公共预算财政拨款支出 per 公开05表 row (合计, 类, 款, 项): entered here, stored with
 * the 补充信息, read by (三) 具体情况 and by rule P-03. A row left empty takes the sum of those below it.
 */
export function BudgetTable() {
  const model = useYearStore((state) => state.model)!;
  useYearStore((state) => state.version);
  const stored = useYearStore((state) => state.supplementary);
  const save = useYearStore((state) => state.saveSupplementary);
  const readOnly = useReadOnlyReason();
  const [values, setValues] = useState(stored);
  useEffect(() => setValues(stored), [stored]);
  const rows = model.rows(T05);
  const commit = (key: string) => {
    if ((values[key] ?? '') === (stored[key] ?? '')) return;
    void save(Object.fromEntries(Object.entries(values).filter(([, text]) => text.trim() !== '')));
  };
  return (
    <section className="report-budget" aria-label="年初预算">
      <h2 className="report-h2">一般公共预算财政拨款支出年初预算(用于“完成年初预算的%”)</h2>
      <table>
        <thead>
          <tr>
            <th>科目代码</th>
            <th>科目名称</th>
            <th>年初预算(万元)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const key = `${BUDGET_KEY}.${row.key}`;
            return (
              <tr key={row.key} className={`level-${row.level}`}>
                <td>{row.key === TOTAL ? '' : row.key}</td>
                <td>{row.label}</td>
                <td>
                  <input
                    aria-label={`${row.key === TOTAL ? '合计' : row.key} 年初预算`}
                    className="num"
                    readOnly={readOnly !== null}
                    title={readOnly ?? undefined}
                    inputMode="decimal"
                    value={values[key] ?? ''}
                    onChange={(event) => setValues({ ...values, [key]: event.target.value })}
                    onBlur={() => commit(key)}
                    onKeyDown={(event) => event.key === 'Enter' && commit(key)}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
