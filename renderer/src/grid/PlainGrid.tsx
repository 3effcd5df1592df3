/**
 * ag-grid drawn by ag-grid itself (createGrid), not by ag-grid-react. ag-grid-react renders every
 * row and cell as React components and sets their classes after React has put them in the page:
 * while scrolling a long table (a few rows made per frame) and when a table is shown the first time,
 * that was about half of the grid's script time and hundreds of attribute changes per frame for the
 * browser to restyle. Here React only owns the element the grid is created in.
 *
 * Options are read when the grid is created; later, any option whose value changed is handed to the
 * grid (updateGridOptions), as AgGridReact did. Event handlers (on…) are always the latest ones
 * given, so they may be written inline.
 */
import { useLayoutEffect, useRef } from 'react';
import { createGrid, type GridApi, type GridOptions } from 'ag-grid-community';

const isHandler = (key: string) => /^on[A-Z]/.test(key);

export function PlainGrid<TData>({ options }: { options: GridOptions<TData> }) {
  const element = useRef<HTMLDivElement>(null);
  const api = useRef<GridApi<TData> | null>(null);
  const latest = useRef(options);
  const given = useRef(options);
  latest.current = options;

  useLayoutEffect(() => {
    const handlers = Object.fromEntries(
      Object.keys(options)
        .filter(isHandler)
        .map((key) => [key, (event: unknown) => (latest.current as Record<string, ((event: unknown) => void) | undefined>)[key]?.(event)]),
    );
    api.current = createGrid(element.current!, { ...options, ...handlers });
    return () => {
      api.current?.destroy();
      api.current = null;
    };
  }, []);

  useLayoutEffect(() => {
    const changed = Object.fromEntries(
      Object.entries(options).filter(([key, value]) => !isHandler(key) && value !== (given.current as Record<string, unknown>)[key]),
    );
    given.current = options;
    if (api.current && Object.keys(changed).length) api.current.updateGridOptions(changed);
  });

  return <div ref={element} className="plain-grid" />;
}
