import type { ConsolidatedUnit, Offset } from '../../../../shared/consolidation';
import { FLOWS } from '../../../../shared/consolidation';

/** The 调整表: each proposed offset with its amount editable (then marked 手工) and a remove button. */
export function OffsetTable({ offsets, units, onChange }: { offsets: Offset[]; units: ConsolidatedUnit[]; onChange(offsets: Offset[]): void }) {
  const name = (file: string) => units.find((unit) => unit.file === file)?.unitName ?? file;
  if (!offsets.length) return <p className="muted">没有需要抵销的内部往来。</p>;
  return (
    <table className="group-table" aria-label="调整表">
      <thead>
        <tr>
          <th>类型</th>
          <th>付款单位(科目)</th>
          <th>收款单位(科目)</th>
          <th>抵销金额(万元)</th>
          <th>来源</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {offsets.map((offset, index) => (
          <tr key={index}>
            <td>{FLOWS.find((flow) => flow.id === offset.flow)!.label}</td>
            <td>
              {name(offset.payer.file)}({offset.payer.row})
            </td>
            <td>
              {name(offset.receiver.file)}({offset.receiver.row})
            </td>
            <td>
              <input
                className="amount-input"
                aria-label={`第 ${index + 1} 笔抵销金额`}
                value={offset.amount}
                onChange={(e) => onChange(offsets.map((other, at) => (at === index ? { ...other, amount: e.target.value, origin: 'manual' } : other)))}
              />
            </td>
            <td>{offset.origin === 'auto' ? '自动配对' : '手工修改'}</td>
            <td>
              <button type="button" onClick={() => onChange(offsets.filter((_, at) => at !== index))}>
                删除
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
