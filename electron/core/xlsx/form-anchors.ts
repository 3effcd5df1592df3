/**
 * How the blocks of a 绩效自评 form sheet are recognised on import (form-read.ts reads what they
 * print): the row that starts a block, every label text a profile prints (never a value), and the
 * funding row a line's labels name.
 */
import type { Block, Profile } from '../../../shared/forms/profiles';
import { labelPattern } from './form-cells';
import type { SheetView } from './form-sheet';
import { norm } from './text';

/** Tells whether row r starts a block. */
export type Anchor = (r: number) => boolean;

/** The predicate telling that a row starts `block`, or undefined for blocks without one. */
export function anchorOf(view: SheetView, block: Block): Anchor | undefined {
  const has = (label: string) => (r: number) => view.labelCols(r, label).some((c) => view.master(r, c)[0] === r);
  switch (block.kind) {
    case 'section':
      return has(block.text);
    case 'fields':
      return has(block.rows[0][0].label);
    case 'checkboxes':
    case 'internal-control':
      return has(block.label);
    case 'text':
    case 'list':
      return has(block.label[block.label.length - 1]);
    case 'score-summary':
      return has(block.totalLabel);
    case 'signatures':
      return has(block.fields[0].label);
    case 'base-data': {
      const pattern = labelPattern(block.title);
      return (r) => {
        for (let c = 1; c <= view.width; c++) if (pattern.test(norm(view.text(r, c)))) return true;
        return false;
      };
    }
    case 'funding':
    case 'indicators': {
      const tops = [...new Set(block.columns.map((column) => column.header[0]))];
      return (r) => tops.every((top) => view.labelCols(r, top).length > 0);
    }
    default:
      return undefined;
  }
}

/** Every label text a profile prints (headers, row labels, field labels…): never a value. */
export function printedLabels(profile: Profile): string[] {
  return profile.layout.flatMap((block): string[] => {
    switch (block.kind) {
      case 'section':
        return [block.text];
      case 'fields':
        return block.rows.flat().map((field) => field.label);
      case 'checkboxes':
        return [block.label];
      case 'text':
      case 'list':
        return block.label;
      case 'funding':
        return [...block.label, ...(block.labelHeader ?? []), ...block.columns.flatMap((column) => column.header), ...block.rows.flatMap((row) => row.label)].filter(Boolean);
      case 'score-summary':
        return [block.totalLabel, block.budgetLabel, '评价等级'];
      case 'indicators':
        return [...block.label, ...block.columns.flatMap((column) => column.header), ...(block.totalRow ? [block.totalRow] : [])];
      case 'base-data':
        return block.groups.flatMap((group) => [group.group, ...group.labels]);
      case 'internal-control':
        return [block.label, ...block.items];
      case 'signatures':
        return block.fields.map((field) => field.label);
      default:
        return [];
    }
  });
}

/** The profile row a line's labels name: all parts, else the last part alone, else without "其中:". */
export function fundingRowFor(block: Extract<Block, { kind: 'funding' }>, labels: string[]) {
  const rows = block.rows;
  if (rows.length === 1 && rows[0].label.length === 0) return rows[0];
  const strip = (text: string) => norm(text).replace(/^其中[::]?/, '');
  const same = (a: readonly string[], b: readonly string[], f: (t: string) => string) => a.length === b.length && a.every((t, i) => f(t) === f(b[i]));
  const shown = labels.filter((text) => !/^[—–-]+$/.test(text));
  const wanted = (row: (typeof rows)[number]) => row.label.filter((text) => !/^[—–-]+$/.test(norm(text)));
  for (const f of [norm, strip]) {
    const exact = rows.filter((row) => same(wanted(row), shown, f));
    if (exact.length === 1) return exact[0];
    const last = rows.filter((row) => shown.length > 0 && f(wanted(row).at(-1) ?? '') === f(shown[shown.length - 1]));
    if (last.length === 1) return last[0];
  }
  return undefined;
}

