import { TABLES, describeCell, explainRule, linkSource, type FunctionalTableDef, type PrintedLayout, type TableDef, type YearModel } from '../../../shared/tables';
import { useYearStore } from '../stores/use-year-store';
import { rangeSum } from './range-sum';
import type { Bounds } from './selection';

interface SelectedBlock {
  def: TableDef;
  layout: PrintedLayout;
  bounds: Bounds;
}

/** A selected block's exact sum and count; it follows the year's version, so edits within the block show at once. */
function SelectedSum({ def, layout, bounds }: SelectedBlock) {
  const model = useYearStore((state) => state.model);
  useYearStore((state) => state.version);
  if (!model) return null;
  const { count, sum } = rangeSum(def, layout, model, bounds);
  return (
    <span className="range-sum" role="status" aria-label="选中区域合计">
      {count ? `求和:${sum} 万元  计数:${count}` : '选中区域中没有金额'}
    </span>
  );
}

export interface ReadOnlyHint {
  text: string;
  /** The cell a linked cell reads, to jump to. */
  source: { table: string; row: string; col: string; label: string } | null;
  /** The table has no 科目 row yet: a button takes the clerk to “添加科目”. */
  addRow?: boolean;
}

/**
 * Why nothing can be typed anywhere in a table: only a 功能分类 table can be so (every fixed table has
 * input cells), before its first 科目 row, when its one row is the 合计 those rows add up to.
 */
export function noTypableCellHint(def: FunctionalTableDef): ReadOnlyHint {
  const printedEmpty = def.emptyText?.replace(/^[((]|[))]$/g, '');
  const none = printedEmpty ? `;没有本表资金的不用填写,本表印出“${printedEmpty}”` : '';
  return { text: `本表没有需要录入的单元格:合计由各科目行汇总,本表还没有科目行。请先在上方“添加科目”输入科目代码或名称,添加科目行后录入金额${none}`, source: null, addRow: true };
}

const NOT_AMOUNT_CELL: Record<string, string> = { label: '项目名称', rowno: '行次', code: '科目代码', name: '科目名称', colno: '栏次', blank: '空白格(本表此处不填)' };

/**
 * A figure typed on a cell that holds no amount (a name, 行次 or code, the 栏次 line, a blank cell):
 * Excel would overwrite the cell; here the key would otherwise go nowhere without a word.
 */
export function notAmountCellHint(kind: string): ReadOnlyHint {
  return { text: `本格是${NOT_AMOUNT_CELL[kind] ?? '表头'},不能录入金额:请移到白底的录入单元格(方向键、Tab 或单击)再键入`, source: null };
}

/** Why a computed or linked cell cannot be typed into, in one line. */
export function readOnlyHint(model: YearModel, table: string, row: string, col: string): ReadOnlyHint | null {
  const rule = model.rule(table, row, col);
  if (!rule || rule.role === 'input') return null;
  const here = { table, row, col };
  const how = explainRule(TABLES, rule, here);
  const source = linkSource(rule, here);
  if (!source) return { text: `本格为计算单元格:${how},由程序计算,请录入参与计算的单元格`, source: null };
  const label = `${source.table} ${describeCell(TABLES.get(source.table)!, source.row)} 第${source.col}栏`;
  return { text: `本格${how},请在该表录入`, source: { ...source, label } };
}

/** The line above the grid: the three cell colours (and a selected block's sum, as Excel's status bar), or why the cell just typed into is read-only. */
export function GridStatus({ hint, selected, onClose, onAddRow }: { hint: ReadOnlyHint | null; selected: SelectedBlock | null; onClose: () => void; onAddRow: () => void }) {
  const goTo = useYearStore((state) => state.goToFinding);
  if (hint) {
    return (
      <div className="grid-status readonly-hint" role="status">
        <span>{hint.text}</span>
        {hint.source && (
          <button type="button" className="link-button" onClick={() => (goTo(hint.source!), onClose())}>
            转到 {hint.source.label}
          </button>
        )}
        {hint.addRow && (
          <button type="button" className="link-button" onClick={() => (onAddRow(), onClose())}>
            添加科目
          </button>
        )}
        <button type="button" className="link-button" aria-label="关闭提示" onClick={onClose}>
          ×
        </button>
      </div>
    );
  }
  return (
    <div className="grid-status grid-legend" aria-label="单元格颜色说明">
      <span className="legend-swatch cell-input" /> 白底:录入
      <span className="legend-swatch cell-computed" /> 灰底:计算(合计、小计)
      <span className="legend-swatch cell-linked" /> 绿底:取自其他表
      <span className="muted">· 悬停单元格可见计算方法</span>
      {selected && <SelectedSum {...selected} />}
    </div>
  );
}
