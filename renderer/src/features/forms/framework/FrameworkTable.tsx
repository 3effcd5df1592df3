/**
 * The indicator tree of a framework in the seed's printed layout: 一级 and 二级指标 span their rows
 * with their 分值, each 三级指标 has its 分值, 评分方法, 评分标准, the data its rule reads and the
 * 自评得分. A block of a choose-one group (附件2 专用指标) is chosen by the radio in its 二级 cell;
 * the blocks not chosen are greyed and do not count.
 */
import type { FrameworkItemJson, FrameworkJson } from '../../../../../shared/forms/framework';
import { displayScore, itemNotes, levelSpan, ruleInputs, type SettledFramework, type TickGroup } from '../../../../../shared/forms/framework-entry';
import { formatPoints, parsePoints } from '../../../../../shared/forms/decimal';
import { CheckedCell, moveByEnter } from './FrameworkCells';
import { choose, setInput, setTick } from './framework-edit';

interface Props {
  json: FrameworkJson;
  headings: { notes: string; formula: string };
  /** The printed tick-box columns (评价方式 / 评价属性 / 评价标准); Space ticks the focused box. */
  ticks: readonly TickGroup[];
  settled: SettledFramework;
  /** A typed score: null when taken, else the reason it is refused. */
  onScore(index: number, text: string): string | null;
  onChange(after: FrameworkJson, words: string, field: string): void;
  rangeText(index: number): string;
}

/** "(18分)" after an 一级 / 二级 name: kept on one line, so a long name (基础设施(在建项目)) wraps before it instead of widening the table. */
const weight = (text: string | null | undefined) => (text ? <span className="fw-weight">({formatPoints(parsePoints(text, '分值'))}分)</span> : null);

export function FrameworkTable({ json, headings, ticks, settled, onScore, onChange, rangeText }: Props) {
  const items = json.items;
  const methods = items.some((item) => item.method);
  const measured = items.some((item) => ruleInputs(item.rule ?? null).length > 0);
  // With tick boxes the header has two lines: the group headings over their boxes, the rest spanning both.
  const span = ticks.length ? 2 : undefined;
  const options = ticks.flatMap((group) => group.options.map((option) => ({ group: group.heading, option })));
  return (
    <table className="fw-table">
      <thead>
        <tr>
          <th rowSpan={span}>一级指标</th>
          <th rowSpan={span}>二级指标</th>
          <th rowSpan={span}>三级指标</th>
          <th rowSpan={span}>分值</th>
          {methods && <th rowSpan={span}>评分方法</th>}
          <th rowSpan={span}>{headings.notes}</th>
          <th rowSpan={span}>{headings.formula}</th>
          {ticks.map((group) => (
            <th key={group.heading} colSpan={group.options.length}>
              {group.heading}
            </th>
          ))}
          {measured && <th rowSpan={span}>评分数据</th>}
          <th rowSpan={span}>自评得分</th>
        </tr>
        {span && (
          <tr>
            {options.map(({ option }) => (
              <th key={option} className="fw-tick-head">
                {option}
              </th>
            ))}
          </tr>
        )}
      </thead>
      <tbody>
        {items.map((item, index) => {
          const state = settled.items[index];
          const l1Span = levelSpan(items, index, 1);
          const l2Span = levelSpan(items, index, 2);
          const stored = settled.framework.items[index];
          const off = !state.counts;
          return (
            <tr key={index} className={off ? 'fw-off' : undefined}>
              {l1Span > 0 && (
                <th rowSpan={l1Span} scope="rowgroup" className="fw-level">
                  {item.l1}
                  {weight(item.l1_weight)}
                </th>
              )}
              {l2Span > 0 && (
                <td rowSpan={l2Span} className="fw-level">
                  {item.alternative_group ? (
                    <label className="fw-choice">
                      <input
                        type="radio"
                        data-fw-input=""
                        data-field={`chosen.${item.alternative_group}`}
                        name={`fw-${item.alternative_group}`}
                        checked={json.chosen?.[item.alternative_group] === item.alternative}
                        onKeyDown={moveByEnter}
                        onChange={() => onChange(choose(json, item.alternative_group!, item.alternative!), `${item.alternative_group} 选择 ${item.alternative}`, `chosen.${item.alternative_group}`)}
                      />
                      {item.alternative}
                    </label>
                  ) : (
                    item.l2 ?? ''
                  )}
                  {weight(item.l2_weight)}
                </td>
              )}
              <td>{item.l3}</td>
              <td className="fw-num">{item.is_deduction ? '扣分项' : formatPoints(parsePoints(item.weight, '分值'))}</td>
              {methods && <td>{item.method ?? ''}</td>}
              <td className="fw-notes">{itemNotes(item)}</td>
              <td className="fw-notes">{item.formula ?? ''}</td>
              {options.map(({ group, option }) => {
                const ticked = item.ticks?.includes(option) ?? false;
                const field = `items[${index}].ticks.${option}`;
                return (
                  <td key={option} className="fw-tick">
                    <input
                      type="checkbox"
                      data-fw-tick={option}
                      data-field={field}
                      aria-label={`${item.l3} ${group} ${option}`}
                      checked={ticked}
                      disabled={off}
                      onKeyDown={moveByEnter}
                      onChange={(event) => {
                        onChange(setTick(json, index, option, event.target.checked), `第 ${index + 1} 项“${item.l3}” ${event.target.checked ? '勾选' : '取消勾选'}${option}`, field);
                      }}
                    />
                  </td>
                );
              })}
              {measured && (
                <td className="fw-inputs">
                  <RuleInputs item={item} index={index} disabled={off} json={json} onChange={onChange} />
                </td>
              )}
              <td className="fw-score">
                {state.computed ? (
                  <>
                    <output aria-label={`${item.l3} 自评得分`} data-field={`items[${index}].self_score`} tabIndex={-1}>
                      {displayScore(stored.self_score)}
                    </output>
                    <div className="fw-how">{state.how}</div>
                  </>
                ) : (
                  <CheckedCell
                    field={`items[${index}].self_score`}
                    label={`${item.l3} ${item.is_deduction ? '扣分' : '自评得分'}(${rangeText(index)})`}
                    shown={displayScore(stored.self_score)}
                    raw={formatPoints(stored.self_score) ?? ''}
                    disabled={off}
                    commit={(text) => onScore(index, text)}
                  />
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function RuleInputs({ item, index, disabled, json, onChange }: { item: FrameworkItemJson; index: number; disabled: boolean; json: FrameworkJson; onChange: Props['onChange'] }) {
  const rule = item.rule ?? null;
  return (
    <>
      {ruleInputs(rule).map((name) => {
        const field = `items[${index}].inputs.${name}`;
        const value = item.inputs?.[name] ?? '';
        const apply = (text: string): string | null => {
          const outcome = setInput(json, index, name, text);
          if ('error' in outcome) return outcome.error;
          onChange(outcome.json, `第 ${index + 1} 项“${item.l3}” ${name} ${text.trim() ? `改为 ${text.trim()}` : '清空'}`, field);
          return null;
        };
        return (
          <label key={name} className="fw-input">
            <span>{name}</span>
            {rule?.type === 'choice' ? (
              <select data-fw-input="" data-field={field} aria-label={`${item.l3} ${name}`} className="form-select" value={value} disabled={disabled} onKeyDown={moveByEnter} onChange={(event) => apply(event.target.value)}>
                <option value="">(未评)</option>
                {Object.entries(rule.options).map(([option, points]) => (
                  <option key={option} value={option}>
                    {option}({points}分)
                  </option>
                ))}
              </select>
            ) : (
              <CheckedCell field={field} label={`${item.l3} ${name}`} shown={value} raw={value} disabled={disabled} commit={apply} />
            )}
          </label>
        );
      })}
    </>
  );
}
