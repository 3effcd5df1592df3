/**
 * Pages and dialogs the first screen (a year's first table) never shows: their code loads in its
 * own chunks, so the script parsed and run before the first grid is smaller. Once the first table
 * is on screen the small ones are fetched while the page is idle, so opening one later waits for
 * nothing; the 决算公开 page (ECharts, a megabyte) loads when first opened, as its parsing would
 * hold up the clerk's first keys.
 */
import { lazy, type ComponentType } from 'react';

const loaders = {
  report: () => import('../report/ReportPage'),
  forms: () => import('../forms/FormsPage'),
  supplementary: () => import('../supplementary/SupplementaryPage'),
  consolidate: () => import('../group/ConsolidatePage'),
  batch: () => import('../group/BatchPage'),
  importDialog: () => import('../exchange/ImportDialog'),
};

/** The component `name` of a lazily loaded module, loaded when first rendered. */
function lazyPage<K extends string, P extends object>(load: () => Promise<Record<K, ComponentType<P>>>, name: K) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

export const ReportPage = lazyPage(loaders.report, 'ReportPage');
export const FormsPage = lazyPage(loaders.forms, 'FormsPage');
export const SupplementaryPage = lazyPage(loaders.supplementary, 'SupplementaryPage');
export const ConsolidatePage = lazyPage(loaders.consolidate, 'ConsolidatePage');
export const BatchPage = lazyPage(loaders.batch, 'BatchPage');
export const ImportDialog = lazyPage(loaders.importDialog, 'ImportDialog');

let preloaded = false;

/** Fetches every lazy page's code while the page is idle (once): the module cache then has them. */
export function preloadPages(): void {
  if (preloaded) return;
  preloaded = true;
  const idle = (task: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(task, { timeout: 2000 }) : setTimeout(task, 200));
  for (const [name, load] of Object.entries(loaders)) if (name !== 'report') idle(() => void load().catch(() => undefined));
}
