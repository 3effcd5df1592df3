import { call } from '../../api';
import { useYearStore } from '../../stores/use-year-store';

/**
 * Where the clerk left off: the last year file and page, kept in the renderer's localStorage and
 * reopened when the app starts. Only at start: after 切换年度文件 the start page stays.
 */
const KEY = 'juesuan.lastOpened';
/** Per window: set once the start has been handled, so a reload in the same window shows the start page. */
const STARTED = 'juesuan.started';

interface LastOpened {
  file: string;
  page: string;
}

function lastOpened(): LastOpened | null {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? 'null') as LastOpened | null;
  } catch {
    return null;
  }
}

export function rememberWhereLeftOff(): () => void {
  return useYearStore.subscribe((state) => {
    if (state.info) localStorage.setItem(KEY, JSON.stringify({ file: state.info.file, page: state.tableId } satisfies LastOpened));
  });
}

/**
 * Lists the year files and, if this is the window's first start, reopens the last file and page
 * when it is still listed. The year is asked for beside the list, not after it: the first table
 * waits for one answer from the core, not two in a row.
 */
export async function loadYearsAndReopen(): Promise<void> {
  const { loadYears, openYear } = useYearStore.getState();
  const last = sessionStorage.getItem(STARTED) ? null : lastOpened();
  sessionStorage.setItem(STARTED, '1');
  const asked = last ? call('openYear', { file: last.file }) : null;
  // A file deleted or moved since is not reopened and says nothing: the start page lists what there is.
  asked?.catch(() => undefined);
  await loadYears();
  if (!last || !asked || !useYearStore.getState().years.some((year) => year.file === last.file)) return;
  await openYear(last.file, asked);
  if (useYearStore.getState().info?.file === last.file) useYearStore.getState().selectTable(last.page);
}
