import { useYearStore } from '../../stores/use-year-store';
import { LAST_OPENED_KEY, takeEarlyStart, type LastOpened } from './early-start';

/**
 * Where the clerk left off: the last year file and page, kept in the renderer's localStorage and
 * reopened when the app starts. Only at start: after 切换年度文件 the start page stays.
 */
export function rememberWhereLeftOff(): () => void {
  return useYearStore.subscribe((state) => {
    if (state.info) localStorage.setItem(LAST_OPENED_KEY, JSON.stringify({ file: state.info.file, page: state.tableId } satisfies LastOpened));
  });
}

/**
 * Lists the year files and, if this is the window's first start, reopens the last file and page
 * when it is still listed. Both were asked for as the script started (early-start.ts): the first
 * table waits for one answer from the core, not two in a row after the whole script has run.
 */
export async function loadYearsAndReopen(): Promise<void> {
  const early = takeEarlyStart();
  const { loadYears, openYear } = useYearStore.getState();
  await loadYears(early?.years);
  const last = early?.last;
  // A file deleted or moved since is not reopened and says nothing: the start page lists what there is.
  if (!last || !useYearStore.getState().years.some((year) => year.file === last.at.file)) return;
  await openYear(last.at.file, last.snapshot);
  if (useYearStore.getState().info?.file === last.at.file) useYearStore.getState().selectTable(last.at.page);
}
