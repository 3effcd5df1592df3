import { useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { formatPoints, parsePoints } from '../../../../shared/forms/decimal';
import type { IndicatorJson, PerfFormJson } from '../../../../shared/forms/model';
import type { Block, Profile } from '../../../../shared/forms/profiles';
import type { FormScore } from '../../../../shared/forms/scoring';
import { addIndicator, moveIndicator, removeIndicator } from './form-draft';
import { changeThenFocus } from './focus-after-change';
import { HeaderRows } from './HeaderRows';
import { IndicatorCell } from './IndicatorCell';
import { isCellBlock, pasteIndicators } from './indicator-paste';
import { useYearStore } from '../../stores/use-year-store';
import { disabledWhile, useReadOnlyReason } from '../../stores/read-only';

type IndicatorBlock = Extract<Block, { kind: 'indicators' }>;

interface Props {
  block: IndicatorBlock;
  profile: Profile;
  json: PerfFormJson;
  score: FormScore | null;
  /** `words` name the undo step where the focused cell's name would not (a pasted block). */
  onChange(recipe: (json: PerfFormJson) => PerfFormJson, words?: string): void;
}

function cellOf(grid: string, row: number, col: number): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-grid="${grid}"][data-r="${row}"][data-c="${col}"]`);
}

/**
 * The 绩效指标 of one horizon as an editable grid laid out by the profile: 一级 / 二级 chosen from
 * the hierarchy, values parsed with 达成 / 未达成 shown, weights and scores with live totals. A
 * score left blank counts as the suggested one, shown greyed in the cell; a typed score wins.
 */
export function IndicatorTable({ block, profile, json, score, onChange }: Props) {
  const readOnly = useReadOnlyReason();
  const grid = `ind-${block.horizon}`;
  const rows = json.indicators.map((ind, index) => ({ ind, index })).filter(({ ind }) => ind.horizon === block.horizon);
  const [confirming, setConfirming] = useState<number | null>(null);
  const nameCol = Math.max(0, block.columns.findIndex((column) => column.value === 'name'));
  const scored = block.horizon === 'ANNUAL' && block.columns.some((column) => column.value === 'weight' || column.value === 'score');

  const add = (after: number | null, col = nameCol) => {
    let position = rows.length;
    const change = () =>
      onChange((current) => {
        const result = addIndicator(current, profile, block.horizon, after);
        position = result.form.indicators.slice(0, result.index).filter((ind) => ind.horizon === block.horizon).length;
        return result.form;
      });
    changeThenFocus(change, () => cellOf(grid, position, col));
  };
  const move = (index: number, direction: -1 | 1, position: number, col: number) => {
    changeThenFocus(
      () => onChange((current) => moveIndicator(current, index, direction).form),
      () => cellOf(grid, Math.min(rows.length - 1, Math.max(0, position + direction)), col),
    );
  };
  const rowKeys = (event: KeyboardEvent<HTMLTableRowElement>, index: number, position: number) => {
    const col = Number((event.target as HTMLElement).dataset.c ?? nameCol);
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      move(index, event.key === 'ArrowUp' ? -1 : 1, position, col);
    } else if (event.ctrlKey && event.key === 'Enter') {
      event.preventDefault();
      add(index, col);
    }
  };

  /** A block copied from Excel fills the grid from the cell it is pasted into; one value is ordinary typing. */
  const paste = (event: ClipboardEvent<HTMLTableSectionElement>) => {
    const text = event.clipboardData.getData('text/plain');
    const target = event.target as HTMLElement;
    if (target.dataset.grid !== grid || !isCellBlock(text)) return;
    event.preventDefault();
    const apply = (current: PerfFormJson) => pasteIndicators(current, profile, block.horizon, block.columns, Number(target.dataset.r), Number(target.dataset.c), text);
    try {
      const rowsAfter = apply(json).indicators.filter((ind) => ind.horizon === block.horizon).length;
      onChange(apply, `粘贴指标(${Math.max(0, rowsAfter - rows.length)} 条新增)`);
    } catch (error) {
      useYearStore.setState({ error: (error as Error).message });
    }
  };

  const annual = score?.indicators ?? [];
  const weightSum = rows.reduce((sum, { ind }) => sum + pointsOf(ind.weight), 0);
  const scoreSum = rows.reduce((sum, { index }) => sum + (annual[index]?.effective ?? 0), 0);
  const weightAt = block.columns.findIndex((column) => column.value === 'weight');
  const scoreAt = block.columns.findIndex((column) => column.value === 'score');
  const firstTotal = Math.min(...[weightAt, scoreAt].filter((i) => i >= 0));

  return (
    <div className="form-block form-indicators">
      {block.label.length > 0 && <h3 className="form-block-title">{block.label.join(' ')}</h3>}
      <table className="form-grid form-indicator-grid" aria-label={block.label.join(' ') || (block.goal ?? '绩效指标')}>
        {/* Fixed layout takes its widths from here: levels, numbers and actions narrow, texts share the rest. */}
        <colgroup>
          {block.columns.map((column, c) => (
            <col key={c} className={`form-col-${column.value}`} />
          ))}
          <col className="form-col-actions" />
        </colgroup>
        <thead>
          <HeaderRows headers={block.columns.map((column) => column.header)} trailing={['操作']} />
        </thead>
        <tbody onPaste={paste}>
          {rows.length === 0 && (
            <tr>
              <td colSpan={block.columns.length + 1} className="form-empty">
                还没有指标。按“添加指标”录入第一条。
              </td>
            </tr>
          )}
          {rows.map(({ ind, index }, position) => (
            <tr key={index} onKeyDown={(event) => rowKeys(event, index, position)}>
              {block.columns.map((column, c) =>
                column.value === 'goal' ? (
                  position === 0 ? (
                    <th key={c} scope="rowgroup" rowSpan={rows.length} className="form-row-label">
                      {block.goal}
                    </th>
                  ) : null
                ) : column.value === 'horizon' ? (
                  <td key={c} />
                ) : (
                  <td key={c} className={`form-col-${column.value}`}>
                    <IndicatorCell
                      value={column.value}
                      header={column.header.join('')}
                      ind={ind}
                      previous={rows[position - 1]?.ind}
                      index={index}
                      nav={{ grid, row: position, col: c }}
                      profile={profile}
                      assessment={annual[index] ?? null}
                      onChange={onChange}
                    />
                  </td>
                ),
              )}
              <td className="form-row-actions">
                <button type="button" title="在下方插入一条(Ctrl+Enter)" aria-label={`在第 ${position + 1} 条下方插入指标`} {...disabledWhile(readOnly)} onClick={() => add(index)}>
                  ＋
                </button>
                <button type="button" title="上移(Alt+↑)" aria-label={`上移第 ${position + 1} 条指标`} disabled={position === 0} {...disabledWhile(readOnly)} onClick={() => move(index, -1, position, nameCol)}>
                  ↑
                </button>
                <button type="button" title="下移(Alt+↓)" aria-label={`下移第 ${position + 1} 条指标`} disabled={position === rows.length - 1} {...disabledWhile(readOnly)} onClick={() => move(index, 1, position, nameCol)}>
                  ↓
                </button>
                {confirming === index ? (
                  <button
                    type="button"
                    className="form-danger"
                    aria-label={`确认删除第 ${position + 1} 条指标`}
                    onClick={() => {
                      setConfirming(null);
                      onChange((current) => removeIndicator(current, index));
                    }}
                    onBlur={() => setConfirming(null)}
                    autoFocus
                  >
                    确认删除
                  </button>
                ) : (
                  <button type="button" title="删除" aria-label={`删除第 ${position + 1} 条指标`} {...disabledWhile(readOnly)} onClick={() => setConfirming(index)}>
                    ✕
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
        {scored && rows.length > 0 && firstTotal < Infinity && (
          <tfoot>
            <tr className="form-total-row">
              <th scope="row" colSpan={firstTotal} className="form-row-label">
                指标合计
              </th>
              {block.columns.slice(firstTotal).map((column, i) => (
                <td key={i} className="form-computed">
                  {column.value === 'weight' && (
                    <output aria-label="指标权重合计" className={profile.scoring.indicatorTotal !== null && weightSum !== profile.scoring.indicatorTotal ? 'form-off' : undefined}>
                      {formatPoints(weightSum)}
                      {profile.scoring.indicatorTotal !== null && weightSum !== profile.scoring.indicatorTotal && ` / 应为 ${formatPoints(profile.scoring.indicatorTotal)}`}
                    </output>
                  )}
                  {column.value === 'score' && <output aria-label="指标得分合计">{formatPoints(scoreSum)}</output>}
                </td>
              ))}
              <td />
            </tr>
            {block.totalRow && score?.total != null && (
              <tr className="form-total-row">
                <th scope="row" colSpan={firstTotal} className="form-row-label">
                  {block.totalRow}
                </th>
                {block.columns.slice(firstTotal).map((column, i) => (
                  <td key={i} className="form-computed">
                    {column.value === 'weight' && formatPoints(score.maxTotal)}
                    {column.value === 'score' && formatPoints(score.total)}
                  </td>
                ))}
                <td />
              </tr>
            )}
          </tfoot>
        )}
      </table>
      <div className="form-grid-actions">
        <button type="button" data-grid-end={grid} {...disabledWhile(readOnly)} onClick={() => add(null)}>
          ＋ 添加指标
        </button>
        <span className="form-hint">Enter 到下一行 · Ctrl+Enter 在下方插入 · Alt+↑/↓ 移动</span>
      </div>
    </div>
  );
}

/** Draft weights are canonical strings (the cells only apply valid entries), so parsing cannot fail here. */
function pointsOf(text: IndicatorJson['weight']): number {
  try {
    return parsePoints(text, '权重') ?? 0;
  } catch {
    return 0;
  }
}
