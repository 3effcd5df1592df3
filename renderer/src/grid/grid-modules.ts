/**
 * The ag-grid features the tables use, and no others. Every registered module adds services that
 * each grid builds when it is created (on every table switch) and code the page loads on every
 * start: with all of ag-grid Community registered, building those was a quarter of the time from
 * navigation to the first grid. Missing a module here shows as an ag-grid console error (#200).
 */
import {
  CellApiModule,
  CellStyleModule,
  ClientSideRowModelModule,
  ColumnApiModule,
  CustomEditorModule,
  LocaleModule,
  PinnedRowModule,
  RenderApiModule,
  RowApiModule,
  RowAutoHeightModule,
  RowStyleModule,
  ScrollApiModule,
  TextEditorModule,
  TooltipModule,
  type Module,
} from 'ag-grid-community';

export const GRID_MODULES: Module[] = [
  ClientSideRowModelModule,
  // The amount editor (AmountEditor) and the text editor the grid falls back on.
  CustomEditorModule,
  TextEditorModule,
  // cellClass / cellClassRules (roles, finding marks, ranges) and getRowClass (科目 levels).
  CellStyleModule,
  RowStyleModule,
  // The 栏次 line pinned on top; label rows that grow to fit their wrapped text.
  PinnedRowModule,
  RowAutoHeightModule,
  // Full precision and the formula of a cell on hover; Chinese texts.
  TooltipModule,
  LocaleModule,
  // refreshCells/redrawRows, ensureIndexVisible/ensureColumnVisible, getCellValue, getDisplayedRowAtIndex.
  RenderApiModule,
  ScrollApiModule,
  CellApiModule,
  RowApiModule,
  // getDisplayedColAfter/Before: an arrow key after typing saves and moves sideways (AmountEditor).
  ColumnApiModule,
];
