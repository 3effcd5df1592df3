/**
 * Table header rows from header paths (outermost first), merged the way the printed forms merge
 * them: equal group cells side by side become one cell, and a short path's leaf spans the rows
 * below it. `leading` cells (row labels) span every header row; `trailing` likewise (actions).
 */
export function HeaderRows({
  leading = [],
  headers,
  trailing = [],
}: {
  leading?: { text: string; colSpan: number }[];
  headers: string[][];
  trailing?: string[];
}) {
  const depth = Math.max(1, ...headers.map((path) => path.length));
  const rows = [];
  for (let d = 0; d < depth; d++) {
    const cells = [];
    if (d === 0) {
      leading.forEach((cell, i) =>
        cells.push(
          <th key={`l${i}`} scope="col" rowSpan={depth} colSpan={cell.colSpan}>
            {cell.text}
          </th>,
        ),
      );
    }
    for (let c = 0; c < headers.length; c++) {
      const path = headers[c];
      if (path.length <= d) continue;
      const leaf = path.length === d + 1;
      let span = 1;
      if (!leaf) {
        const prefix = path.slice(0, d + 1).join('\u0000');
        while (c + span < headers.length && headers[c + span].length > d + 1 && headers[c + span].slice(0, d + 1).join('\u0000') === prefix) span++;
      }
      cells.push(
        <th key={c} scope="col" colSpan={span > 1 ? span : undefined} rowSpan={leaf && depth - d > 1 ? depth - d : undefined}>
          {path[d]}
        </th>,
      );
      c += span - 1;
    }
    if (d === 0) {
      trailing.forEach((text, i) =>
        cells.push(
          <th key={`t${i}`} scope="col" rowSpan={depth}>
            {text}
          </th>,
        ),
      );
    }
    rows.push(<tr key={d}>{cells}</tr>);
  }
  return <>{rows}</>;
}
