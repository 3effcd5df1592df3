import type { InternalControlItem, PerfFormJson } from '../../../../shared/forms/model';
import { fillTemplate, type Block } from '../../../../shared/forms/profiles';
import { baseDataResult } from '../../../../shared/forms/ui-helpers';
import { useContext } from 'react';
import { setBaseData } from './form-draft';
import { FieldMarks, TextCell } from './inputs';
import { disabledWhile, useReadOnlyReason } from '../../stores/read-only';

type BaseDataBlock = Extract<Block, { kind: 'base-data' }>;
type ControlBlock = Extract<Block, { kind: 'internal-control' }>;

interface Common {
  json: PerfFormJson;
  year: number;
  onChange(recipe: (json: PerfFormJson) => PerfFormJson): void;
}

/**
 * DTH 附件4 基础数据表: each group's two figures typed, the third computed from them (SPEC §3.6 b).
 * A third cell printed in an imported document that disagrees (FV-18) is shown under the computed
 * one until the figures are edited.
 */
export function BaseDataTable({ block, json, year, onChange }: Common & { block: BaseDataBlock }) {
  const marks = useContext(FieldMarks);
  return (
    <div className="form-block">
      <h3 className="form-block-title">{fillTemplate(block.title, { year })}</h3>
      <table className="form-grid form-base-data">
        <thead>
          <tr>
            <th scope="col">项目</th>
            <th scope="col" colSpan={2}>
              第一栏
            </th>
            <th scope="col" colSpan={2}>
              第二栏
            </th>
            <th scope="col" colSpan={2}>
              计算结果
            </th>
          </tr>
        </thead>
        <tbody>
          {block.groups.map((group, r) => {
            const i = (json.base_data ?? []).findIndex((row) => row.group === group.group);
            const row = i >= 0 ? json.base_data![i] : undefined;
            const labels = group.labels.map((label) => fillTemplate(label, { year }));
            const computed = baseDataResult(group.formula, row?.value1, row?.value2);
            const field = (cell: string) => `base_data[${i >= 0 ? i : (json.base_data ?? []).length}].${cell}`;
            return (
              <tr key={group.group}>
                <th scope="row" className="form-row-label">
                  {group.group}
                </th>
                {(['value1', 'value2'] as const).map((cell, c) => [
                  <td key={`l${c}`} className="form-sub-label">
                    {labels[c]}
                  </td>,
                  <td key={`v${c}`} className="form-amount">
                    <TextCell
                      singleLine
                      field={field(cell)}
                      label={`${group.group} ${labels[c]}`}
                      nav={{ grid: 'base-data', row: r, col: c }}
                      value={row?.[cell]}
                      onValue={(text) => onChange((current) => setBaseData(current, group.group, cell, text))}
                    />
                  </td>,
                ])}
                <td className="form-sub-label">{labels[2]}</td>
                <td className="form-computed">
                  <output data-field={field('value3')} aria-label={`${group.group} ${labels[2]}`}>
                    {computed ?? ''}
                  </output>
                  {row?.value3 && marks.has(field('value3')) && <span className="form-printed">(原表 {row.value3})</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** 内部控制制度完成情况(是/否): each item yes, no or not answered. */
export function InternalControl({ block, json, onChange }: Omit<Common, 'year'> & { block: ControlBlock }) {
  const readOnly = useReadOnlyReason();
  const answers = json.internal_control ?? {};
  return (
    <div className="form-block">
      <h3 className="form-block-title">{block.label}</h3>
      <div className="form-controls">
        {block.items.map((item) => {
          const value = answers[item as InternalControlItem];
          return (
            <label key={item}>
              {item}
              <select
                className="form-select"
                {...disabledWhile(readOnly)}
                value={value === true ? '是' : value === false ? '否' : ''}
                onChange={(event) =>
                  onChange((current) => ({
                    ...current,
                    internal_control: { ...current.internal_control, [item]: event.target.value === '' ? null : event.target.value === '是' },
                  }))
                }
              >
                <option value="" />
                <option value="是">是</option>
                <option value="否">否</option>
              </select>
            </label>
          );
        })}
      </div>
    </div>
  );
}
