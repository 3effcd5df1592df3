/**
 * Drill-down of a 汇总 cell: each unit's share, recomputed from what the unit reported (stored in the
 * 汇总's record), and the offsets taken off the cell.
 */
import { functionName } from '../../shared/catalog';
import { ApiError } from '../../shared/contract';
import type { DrillDown } from '../../shared/consolidation';
import { formatAmount } from '../../shared/money';
import { TABLES, YearModel, describeCell } from '../../shared/tables';
import { cellLabel } from './consolidate';
import { isConsolidation, readRecord } from './consolidate-store';
import { YearSession } from './year-session';
import { YearStore } from './store';

export function drillDown(file: string, table: string, row: string, col: string): DrillDown {
  const store = YearStore.open(file);
  try {
    if (!isConsolidation(store)) throw new ApiError('refused', `${file} 不是汇总结果`);
    const session = new YearSession(file, store);
    const def = session.table(table);
    if (!session.model.rule(def.id, row, col)) throw new ApiError('refused', `${def.id} 没有${describeCell(def, row)}第 ${col} 栏`);
    const record = readRecord(store);
    const nameOf = (code: string) => session.nameOf(code) ?? functionName(code);
    return {
      table: def.id,
      row,
      col,
      label: cellLabel(def, session.model.row(def.id, row)!),
      value: formatAmount(session.model.value(def.id, row, col)),
      units: record.units.map((unit, index) => ({
        unitName: unit.unitName,
        unitCode: unit.unitCode,
        file: unit.file,
        value: formatAmount(new YearModel(TABLES, record.inputs[index], nameOf).value(def.id, row, col)),
      })),
      offsets: record.offsets.filter((offset) => [offset.payer, offset.receiver].some((cell) => cell.table === def.id && cell.row === row && cell.col === col)),
    };
  } finally {
    store.close();
  }
}
