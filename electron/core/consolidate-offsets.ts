/**
 * 调整 (offsets) of a 汇总: proposing them from matching amounts between units, checking the ones a
 * clerk edited, and applying them to the summed inputs. Plain data in, plain data out.
 */
import { ApiError } from '../../shared/contract';
import { FLOWS, type FlowDef, type FlowId, type Offset, type UnitCell } from '../../shared/consolidation';
import { formatAmount, parseAmount, type Amount } from '../../shared/money';
import { cellKey, type YearInputs } from '../../shared/tables';

export interface UnitFigures {
  file: string;
  inputs: YearInputs;
}

interface FlowCell {
  file: string;
  row: string;
  left: Amount;
}

/** The non-zero cells of one side of a flow, in unit then row order. */
function flowCells(units: UnitFigures[], side: FlowDef['payer']): FlowCell[] {
  const cells: FlowCell[] = [];
  for (const unit of units) {
    const table = unit.inputs[side.table];
    if (!table) continue;
    const rows = [...table.codes].sort();
    for (const row of rows) {
      const value = table.cells.get(cellKey(row, side.col)) ?? 0;
      if (value > 0) cells.push({ file: unit.file, row, left: value });
    }
  }
  return cells;
}

/**
 * Pairs each flow's payer cells with receiver cells of other units, in four passes from the most
 * to the least certain: the same amount in the same 科目; the same amount in any 科目; two units
 * whose remaining totals are equal; finally, when what remains paid equals what remains received
 * across the whole group, everything left (one payer paying several units into one 科目). Each
 * pass spreads amounts over cells in order. What is left has no counterpart inside the group and
 * is listed as unmatched (e.g. a subsidy from outside it).
 */
export function proposeOffsets(units: UnitFigures[]): Offset[] {
  const offsets: Offset[] = [];
  for (const flow of FLOWS) {
    const payers = flowCells(units, flow.payer);
    const receivers = flowCells(units, flow.receiver);
    const pair = (payer: FlowCell, receiver: FlowCell, amount: Amount) => {
      payer.left -= amount;
      receiver.left -= amount;
      offsets.push({
        flow: flow.id,
        amount: formatAmount(amount)!,
        payer: { file: payer.file, table: flow.payer.table, row: payer.row, col: flow.payer.col },
        receiver: { file: receiver.file, table: flow.receiver.table, row: receiver.row, col: flow.receiver.col },
        origin: 'auto',
      });
    };
    const byAmount = (sameRow: boolean) => {
      const open = new Map<string, FlowCell[]>();
      for (const receiver of receivers) {
        if (receiver.left <= 0) continue;
        const key = sameRow ? `${receiver.left}|${receiver.row}` : String(receiver.left);
        (open.get(key) ?? open.set(key, []).get(key)!).push(receiver);
      }
      for (const payer of payers) {
        if (payer.left <= 0) continue;
        const candidates = open.get(sameRow ? `${payer.left}|${payer.row}` : String(payer.left)) ?? [];
        const index = candidates.findIndex((receiver) => receiver.file !== payer.file && receiver.left === payer.left);
        if (index >= 0) pair(payer, candidates.splice(index, 1)[0], payer.left);
      }
    };
    byAmount(true);
    byAmount(false);
    pairEqualTotals(payers, receivers, pair);
    pairBalancedGroup(payers, receivers, pair);
  }
  return offsets;
}

/** Internal-flow cells the offsets leave (partly) standing: no counterpart inside the group, or none chosen. */
export function unmatchedFlows(units: UnitFigures[], offsets: Offset[]): (UnitCell & { flow: FlowId; amount: string })[] {
  const used = new Map<string, Amount>();
  const use = (cell: UnitCell, amount: Amount) => {
    const key = `${cell.file}|${cell.table}|${cell.row}|${cell.col}`;
    used.set(key, (used.get(key) ?? 0) + amount);
  };
  for (const offset of offsets) {
    const amount = parseAmount(offset.amount) ?? 0;
    use(offset.payer, amount);
    use(offset.receiver, amount);
  }
  const unmatched: (UnitCell & { flow: FlowId; amount: string })[] = [];
  for (const flow of FLOWS) {
    for (const side of [flow.payer, flow.receiver]) {
      for (const cell of flowCells(units, side)) {
        const left = cell.left - (used.get(`${cell.file}|${side.table}|${cell.row}|${side.col}`) ?? 0);
        if (left > 0) unmatched.push({ flow: flow.id, file: cell.file, table: side.table, row: cell.row, col: side.col, amount: formatAmount(left)! });
      }
    }
  }
  return unmatched;
}

/** Units whose remaining payer total equals another unit's remaining receiver total: paired cell by cell. */
function pairEqualTotals(payers: FlowCell[], receivers: FlowCell[], pair: (payer: FlowCell, receiver: FlowCell, amount: Amount) => void): void {
  const byUnit = (cells: FlowCell[]) => {
    const units = new Map<string, FlowCell[]>();
    for (const cell of cells) if (cell.left > 0) (units.get(cell.file) ?? units.set(cell.file, []).get(cell.file)!).push(cell);
    return units;
  };
  const total = (cells: FlowCell[]) => cells.reduce((sum, cell) => sum + cell.left, 0);
  const receiving = byUnit(receivers);
  for (const [file, paying] of byUnit(payers)) {
    const owed = total(paying);
    const match = [...receiving].find(([other, cells]) => other !== file && total(cells) === owed);
    if (!match) continue;
    receiving.delete(match[0]);
    let r = 0;
    for (const payer of paying) {
      while (payer.left > 0) {
        const receiver = match[1][r];
        const amount = Math.min(payer.left, receiver.left);
        pair(payer, receiver, amount);
        if (receiver.left === 0) r++;
      }
    }
  }
}

/** When the remaining payments and receipts of the group balance, they are all internal: paired in order. */
function pairBalancedGroup(payers: FlowCell[], receivers: FlowCell[], pair: (payer: FlowCell, receiver: FlowCell, amount: Amount) => void): void {
  const left = (cells: FlowCell[]) => cells.reduce((sum, cell) => sum + cell.left, 0);
  if (left(payers) === 0 || left(payers) !== left(receivers)) return;
  for (const payer of payers) {
    for (const receiver of receivers) {
      if (payer.left === 0) break;
      if (receiver.left === 0 || receiver.file === payer.file) continue;
      pair(payer, receiver, Math.min(payer.left, receiver.left));
    }
  }
}

/**
 * Checks offsets (the proposal as the clerk edited it) against the units' own figures and returns
 * what to subtract per 汇总 input cell. An offset must join the two columns of its flow in two
 * different units of the 汇总, and no unit cell may be offset by more than the unit reported.
 */
export function offsetDebits(offsets: Offset[], units: UnitFigures[]): Map<string, Map<string, Amount>> {
  const byFile = new Map(units.map((unit) => [unit.file, unit]));
  const used = new Map<string, Amount>();
  const debits = new Map<string, Map<string, Amount>>();
  offsets.forEach((offset, index) => {
    const where = `第 ${index + 1} 笔调整`;
    const flow = FLOWS.find((candidate) => candidate.id === offset.flow);
    if (!flow) throw new ApiError('refused', `${where}:未知的调整类型“${offset.flow}”`);
    let amount: Amount | null;
    try {
      amount = parseAmount(offset.amount);
    } catch {
      amount = null;
    }
    if (amount === null || amount <= 0) throw new ApiError('refused', `${where}:调整金额“${offset.amount}”必须是大于 0 的金额`);
    if (offset.payer.file === offset.receiver.file) throw new ApiError('refused', `${where}:付款单位和收款单位不能是同一单位`);
    for (const [cell, side, role] of [
      [offset.payer, flow.payer, '付款方'],
      [offset.receiver, flow.receiver, '收款方'],
    ] as const) {
      const unit = byFile.get(cell.file);
      if (!unit) throw new ApiError('refused', `${where}:${role}文件 ${cell.file} 不在本次汇总中`);
      if (cell.table !== side.table || cell.col !== side.col) throw new ApiError('refused', `${where}:${role}必须是${side.table}“${side.label}”栏`);
      const key = `${cell.file}|${cell.table}|${cellKey(cell.row, cell.col)}`;
      const reported = unit.inputs[cell.table]?.cells.get(cellKey(cell.row, cell.col)) ?? 0;
      const total = (used.get(key) ?? 0) + amount;
      if (total > reported) {
        throw new ApiError('refused', `${where}:${cell.file} ${cell.table} ${cell.row} 行“${side.label}”只有 ${formatAmount(reported) ?? '0.00'} 万元,调整合计 ${formatAmount(total)} 万元超出`);
      }
      used.set(key, total);
      const table = debits.get(cell.table) ?? debits.set(cell.table, new Map()).get(cell.table)!;
      table.set(cellKey(cell.row, cell.col), (table.get(cellKey(cell.row, cell.col)) ?? 0) + amount);
    }
  });
  return debits;
}
