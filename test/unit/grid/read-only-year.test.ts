import { describe, expect, it } from 'vitest';
import type { ColDef, ColGroupDef, EditableCallbackParams } from 'ag-grid-community';
import { buildColumnDefs, type LineData } from '../../../renderer/src/grid/column-defs';
import { TABLES, YearModel, inputsFromDocs, printedLayout } from '../../../shared/tables';

const T01 = TABLES.get('公开01表')!;
const model = new YearModel(TABLES, inputsFromDocs({}), () => undefined);
const layout = printedLayout(T01, model.rows('公开01表'));

function leaves(defs: (ColDef<LineData> | ColGroupDef<LineData>)[]): ColDef<LineData>[] {
  return defs.flatMap((def) => ('children' in def ? leaves(def.children) : [def]));
}

/** Whether the grid would open an editor on 公开01表 r28 第1栏 (an input cell). */
function editable(readOnly: () => boolean): boolean {
  const defs = leaves(buildColumnDefs(T01, layout, () => model, () => new Map(), () => false, () => undefined, () => undefined, readOnly));
  const column = defs.find((def) => def.colId === 's0-c1')!;
  const line = layout.lines.findIndex((keys) => keys[0] === '28');
  const data: LineData = { id: `L${line}`, keys: layout.lines[line] };
  return (column.editable as (params: EditableCallbackParams<LineData>) => boolean)({ data } as EditableCallbackParams<LineData>);
}

describe('a year open read-only', () => {
  it('opens no editor on an input cell, which opens one otherwise', () => {
    expect(editable(() => false)).toBe(true);
    expect(editable(() => true)).toBe(false);
  });
});
