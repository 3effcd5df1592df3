import { describe, expect, it } from 'vitest';
import { TEMPLATE_SETS, chineseNumber, printedLabel, resolveTableName, templateTables } from '../../shared/tables';

describe('printed labels per numbering style (SPEC §1.0, §1.11)', () => {
  it('numbers the 9-table set 公开01表… or 表一…', () => {
    expect(TEMPLATE_SETS['9'].map((id) => printedLabel(id, '9'))).toEqual(TEMPLATE_SETS['9']);
    expect(TEMPLATE_SETS['9'].map((id) => printedLabel(id, '9', '表'))).toEqual(['表一', '表二', '表三', '表四', '表五', '表六', '表七', '表八', '表九']);
  });

  it('numbers the 13-table set 表一…表十三 with 三公 last, whatever the style', () => {
    const labels = TEMPLATE_SETS['13'].map((id) => printedLabel(id, '13'));
    expect(labels).toEqual(['表一', '表二', '表三', '表四', '表五', '表六', '表七', '表八', '表九', '表十', '表十一', '表十二', '表十三']);
    expect(printedLabel('公开09表', '13', '公开')).toBe('表十三');
    expect(printedLabel('公开06表', '13')).toBe('表八');
    expect(templateTables('13')[12].title).toBe('财政拨款“三公”经费支出决算表');
  });

  it('refuses a table outside the set', () => {
    expect(() => printedLabel('川05表', '9')).toThrow();
  });

  it('writes Chinese numerals', () => {
    expect([1, 9, 10, 11, 13, 20, 21].map(chineseNumber)).toEqual(['一', '九', '十', '十一', '十三', '二十', '二十一']);
  });
});

describe('resolveTableName (CLI --table, import labels)', () => {
  it('accepts ids, 公开NN表 spellings, T-notation and titles', () => {
    expect(resolveTableName('公开04表', '9')).toBe('公开04表');
    expect(resolveTableName(' 公开表01 ', '9')).toBe('公开01表');
    expect(resolveTableName('公开4表', '9')).toBe('公开04表');
    expect(resolveTableName('T06', '9')).toBe('公开06表');
    expect(resolveTableName('支出决算表', '9')).toBe('公开03表');
    expect(resolveTableName('川05表', '13')).toBe('川05表');
  });

  it('reads 表X by position in the set', () => {
    expect(resolveTableName('表四', '9')).toBe('公开04表');
    expect(resolveTableName('表９', '9')).toBe('公开09表');
    expect(resolveTableName('表五', '13')).toBe('川05表');
    expect(resolveTableName('表十一', '13')).toBe('川11表');
    expect(resolveTableName('表十三', '13')).toBe('公开09表');
    expect(resolveTableName('6', '13')).toBe('公开05表');
  });

  it('keeps canonical ids canonical in the 13-table set', () => {
    expect(resolveTableName('公开05表', '13')).toBe('公开05表');
    expect(printedLabel(resolveTableName('公开05表', '13')!, '13')).toBe('表六');
  });

  it('returns undefined for anything else', () => {
    for (const text of ['表十', '川05表', '公开10表', '表零', '', 'foo']) expect(resolveTableName(text, '9')).toBeUndefined();
    expect(resolveTableName('表十四', '13')).toBeUndefined();
  });
});
