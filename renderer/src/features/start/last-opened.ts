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

export function rememberWhereLeftOff(): () => void {
  return useYearStore.subscribe((state) => {
    if (state.info) localStorage.setItem(KEY, JSON.stringify({ file: state.info.file, page: state.tableId } satisfies LastOpened));
  });
}

/** Reopens the last file and page if this is the window's first start and the file is still listed. */
export async function reopenWhereLeftOff(): Promise<void> {
  if (sessionStorage.getItem(STARTED)) return;
  sessionStorage.setItem(STARTED, '1');
  let last: LastOpened | null = null;
  try {
    last = JSON.parse(localStorage.getItem(KEY) ?? 'null') as LastOpened | null;
  } catch {
    return;
  }
  const { years, openYear } = useYearStore.getState();
  if (!last || !years.some((year) => year.file === last.file)) return;
  await openYear(last.file);
  if (useYearStore.getState().info?.file === last.file) useYearStore.getState().selectTable(last.page);
}
