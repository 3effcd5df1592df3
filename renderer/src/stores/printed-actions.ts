/**
 * What an imported workbook printed otherwise than the year computes, as the year store handles it:
 * totals it printed (R-I01, printed-cells.ts) and 科目 names it printed against the catalog (R-I02,
 * printed-names.ts). Taking the computed value or the catalog's name is an ordinary change of the
 * year: one undo step, whose inverse puts back what was printed.
 */
import type { YearChange, YearSnapshot } from '../../../shared/contract';
import { PRINTED_RULE_ID, printedFromDoc, printedNamesFromDoc, type Finding, type PrintedCells, type PrintedNames } from '../../../shared/rules';
import type { YearModel } from '../../../shared/tables';
import type { CodeBook } from './code-book';
import { inverseNames, withNames } from './printed-names';
import { inversePrinted, withPrinted } from './printed-cells';

export interface PrintedActions {
  /** Takes the computed value of a total an imported workbook printed otherwise (R-I01): one undo step. */
  acceptComputed(table: string, row: string, col: string): Promise<boolean>;
  /** 全部采用计算值: every R-I01 finding's computed value, in one write and one undo step. */
  acceptAllComputed(): Promise<boolean>;
  /** Takes the catalog's name for a 科目 row printed with another (R-I02): one undo step. */
  acceptCatalogName(table: string, code: string): Promise<boolean>;
  /** Names a 类/款 row no catalog names (R-I03), as an imported file would print it: one undo step. */
  nameCode(table: string, code: string, name: string): Promise<boolean>;
}

interface PrintedState {
  printed: PrintedCells;
  printedNames: PrintedNames;
}

/** The printed totals and names a year file holds (opened, or read again after a refused change). */
export function printedOf(snapshot: YearSnapshot): PrintedState {
  return { printed: printedFromDoc(snapshot.printed), printedNames: printedNamesFromDoc(snapshot.printedNames) };
}

/** The printed totals and names after `change`, and the part of its backward change that puts them back. */
export function printedAfter(state: PrintedState, change: YearChange): PrintedState & { backward: Pick<YearChange, 'printed' | 'printedNames'> } {
  return {
    printed: withPrinted(state.printed, change.printed),
    printedNames: withNames(state.printedNames, change.printedNames),
    backward: {
      ...(change.printedNames ? { printedNames: inverseNames(state.printedNames, change.printedNames) } : {}),
      ...(change.printed ? { printed: inversePrinted(state.printed, change.printed) } : {}),
    },
  };
}

/**
 * Printed names name the rows no catalog names (CodeBook, like the core's YearSession.nameOf): after
 * they change, the code book takes them and every 功能分类 table's rows are built again with them.
 */
export function renamed(model: YearModel, codes: CodeBook, names: PrintedNames): void {
  codes.setPrinted(names);
  for (const def of model.defs.values()) if (def.kind === 'functional') model.invalidate(def.id);
}

/** The actions, each a change made through the store's `change`. */
export function printedActions(get: () => { findings: Finding[]; change(change: YearChange): Promise<boolean> }): PrintedActions {
  return {
    acceptComputed(table, row, col) {
      return get().change({ printed: [{ table, row, col, value: null }] });
    },

    acceptAllComputed() {
      const cells = get().findings.filter((finding) => finding.rule === PRINTED_RULE_ID).map(({ table, row, col }) => ({ table, row, col, value: null }));
      return cells.length ? get().change({ printed: cells }) : Promise.resolve(false);
    },

    acceptCatalogName(table, code) {
      return get().change({ printedNames: [{ table, code, name: null }] });
    },

    nameCode(table, code, name) {
      return get().change({ printedNames: [{ table, code, name: name.trim() }] });
    },
  };
}
