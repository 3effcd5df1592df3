/**
 * Sheet names Excel accepts: at most 31 characters and unique without regard to case, for forms and
 * for frameworks alike, however many share a long common prefix.
 */
import { describe, expect, it } from 'vitest';
import { FRAMEWORK_DEFS } from '../../shared/forms/framework-entry';
import { formSheetNames } from '../../electron/core/xlsx/form-geometry';
import { frameworkSheetName } from '../../electron/core/xlsx/framework-sheet';

const excelSafe = (names: string[]) => {
  for (const name of names) expect([...name].length, name).toBeLessThanOrEqual(31);
  expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
};

describe('sheet names', () => {
  it('附件2 drafts of projects whose 22-character codes differ only at the end', () => {
    const framework = FRAMEWORK_DEFS.PROJECT_SPECIAL_MS.seed as never;
    const taken: string[] = [];
    for (let i = 0; i < 12; i++) taken.push(frameworkSheetName({ subject_code: `5114002124000000000${String(i).padStart(3, '0')}`, framework }, true, taken));
    excelSafe(taken);
    // Where the whole code fits, the sheet shows it whole.
    expect(taken[0]).toBe('附件2-5114002124000000000000(草稿)');
  });

  it('forms and frameworks in one workbook, case-insensitive clashes numbered', () => {
    const forms = ['abc', 'ABC', 'Abc'].map((code) => ({ subject_type: 'project' as const, subject_code: code.repeat(12), subject_name: '' }));
    const names = formSheetNames(forms, ['自评-' + 'abc'.repeat(12).slice(0, 28)], false);
    excelSafe(['自评-' + 'abc'.repeat(12).slice(0, 28), ...names]);
  });
});
