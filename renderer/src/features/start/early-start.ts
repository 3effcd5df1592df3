/**
 * The first questions to the core, asked the moment the renderer's first script runs (main.tsx, a
 * small chunk of this module and the door to the core): the year list and, on the window's first
 * start, the year file the clerk left off in. The core reads them while the browser still fetches
 * and compiles the app's chunk (ag-grid, React, the table declarations) and draws the start page,
 * instead of after all of that.
 */
import type { YearInfo, YearSnapshot } from '../../../../shared/contract';
import { call } from '../../api';

/** Where the clerk left off: the last year file and page (last-opened.ts keeps it current). */
export const LAST_OPENED_KEY = 'juesuan.lastOpened';
/** Per window: set once the start has been handled, so a reload in the same window shows the start page. */
const STARTED = 'juesuan.started';

export interface LastOpened {
  file: string;
  page: string;
}

export interface EarlyStart {
  years: Promise<YearInfo[]>;
  /** The year left off in and the core's answer for it; null when this window already started or nothing was left open. */
  last: { at: LastOpened; snapshot: Promise<YearSnapshot> } | null;
}

function lastOpened(): LastOpened | null {
  try {
    return JSON.parse(localStorage.getItem(LAST_OPENED_KEY) ?? 'null') as LastOpened | null;
  } catch {
    return null;
  }
}

function askEarly(): EarlyStart {
  const at = sessionStorage.getItem(STARTED) ? null : lastOpened();
  sessionStorage.setItem(STARTED, '1');
  const last = at ? { at, snapshot: call('openYear', { file: at.file }) } : null;
  // Whoever takes these answers handles their failures; a year file gone since fails quietly (last-opened.ts).
  last?.snapshot.catch(() => undefined);
  const years = call('listYears', {});
  years.catch(() => undefined);
  return { years, last };
}

let early: EarlyStart | null = askEarly();

/** The answers asked for at start, handed out once: a later start page asks again. */
export function takeEarlyStart(): EarlyStart | null {
  const taken = early;
  early = null;
  return taken;
}
