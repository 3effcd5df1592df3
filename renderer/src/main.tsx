/**
 * The page's entry is this small chunk: it asks the core for the year list and the year left off in
 * (early-start.ts), then loads the app's chunk (React, ag-grid, the table declarations). The browser
 * fetches and compiles that megabyte while the core reads the year, instead of before asking.
 */
import './features/start/early-start';

void import('./boot');
