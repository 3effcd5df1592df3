import { create } from 'zustand';
import type { TableDef } from '../../../../shared/tables';
import { baselineCovers } from '../../grid/last-year-columns';
import { useYearStore } from '../../stores/use-year-store';

/** Whether the clerk asked to see 上年数 beside the amounts; remembered across starts, like the zoom. */
const KEY = 'juesuan.lastYearShown';

interface LastYearState {
  shown: boolean;
  toggle(): void;
}

export const useLastYear = create<LastYearState>((set, get) => ({
  shown: localStorage.getItem(KEY) === '1',
  toggle() {
    const shown = !get().shown;
    localStorage.setItem(KEY, shown ? '1' : '0');
    set({ shown });
  },
}));

/** Whether the grid of a table shows the 上年数 columns: asked for, and last year's values include the table. */
export function useLastYearShown(def: TableDef): boolean {
  const shown = useLastYear((state) => state.shown);
  const baseline = useYearStore((state) => state.baseline);
  return shown && baselineCovers(baseline, def);
}
