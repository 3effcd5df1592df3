import { describe, expect, it } from 'vitest';
import { catalogInForce } from '../../shared/catalog';

describe('what a year is told about its 科目表', () => {
  it('names the notices applied by year, and says a year after the newest notice borrows that year\'s codes', () => {
    expect(catalogInForce(2023)).toEqual({ short: '内置科目表:2023年版', full: '2023年度使用内置科目表:2023年政府收支分类科目。' });
    expect(catalogInForce(2024).full).toBe('2024年度使用内置科目表:2023年政府收支分类科目,加2024年政府收支分类科目增补(财预〔2024〕22号,2024-03-29)的变动。');
    expect(catalogInForce(2025).short).toBe('内置科目表:2025年版');
    expect(catalogInForce(2025).full).toContain('、财预〔2025〕41号(2025-05-23)的变动。');
    // No 2026 notice in our sources (REFERENCE-2026 §2.3 ends with 财预〔2025〕41号): 2026 uses 2025's codes, and says so.
    const y2026 = catalogInForce(2026);
    expect(y2026.short).toBe('内置科目表:沿用2025年版');
    expect(y2026.full).toContain('财预〔2025〕41号(2025-05-23)的变动。2026年的科目变动尚无官方资料,沿用2025年的科目;收到2026年官方科目表后请用“导入 › 本年度科目表”导入,名称以其为准。');
    expect(catalogInForce(2022).full).toBe('2022年度使用内置的2023年政府收支分类科目(程序没有更早年度的科目表);收到2022年官方科目表后请用“导入 › 本年度科目表”导入,名称以其为准。');
  });

  it('follows the file\'s definitions edition: a first-edition file knew no notice', () => {
    expect(catalogInForce(2025, 1).short).toBe('内置科目表:沿用2023年版');
  });
});
