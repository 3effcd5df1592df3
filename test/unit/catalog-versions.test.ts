import { describe, expect, it } from 'vitest';
import { catalogFor, FIRST_EDITION } from '../../shared/catalog';
import { CATALOG_CHANGES, CURRENT_EDITION } from '../../shared/catalog/versions';

describe('科目 catalog versions', () => {
  it('chooses the version by fiscal year: the 2024 增补 from 2024, 财预〔2025〕41号 from 2025', () => {
    const [y2023, y2024, y2025] = [2023, 2024, 2025].map((year) => catalogFor(year));
    expect(y2023.functionName('22006')).toBeUndefined();
    expect(y2024.functionName('22006')).toBe('耕地保护考核奖惩基金支出');
    expect(y2024.functionPath('22006').map((entry) => entry.name)).toEqual(['自然资源海洋气象等支出', '耕地保护考核奖惩基金支出']);
    // Unnamed until edition 3; the notice's text names it from edition 4.
    expect([catalogFor(2024, 3).isUnnamed('2300412'), catalogFor(2024, 3).functionName('2300412')]).toEqual([true, undefined]);
    expect([y2024.isKnownFunctionCode('2300412'), y2024.isUnnamed('2300412'), y2024.functionName('2300412')]).toEqual([true, false, '自然资源海洋气象等']);
    expect(catalogFor(2023).isKnownFunctionCode('2300412')).toBe(false);
    expect(y2024.isKnownFunctionCode('2170404')).toBe(false);
    // Listed by the notice without a sourced name until edition 3: valid, but the clerk supplies the name;
    // from edition 4 the notice's text names them (a file of edition 3 keeps its clerk's names).
    const named = { '2170404': '中央金融机构注资特别国债支出', '22911': '中央金融机构注资特别国债财务基金支出', '23107': '中央金融机构注资特别国债还本支出' };
    for (const [code, name] of Object.entries(named)) {
      const edition3 = catalogFor(2025, 3);
      expect([edition3.isKnownFunctionCode(code), edition3.isUnnamed(code), edition3.functionName(code)]).toEqual([true, true, undefined]);
      expect([y2025.isKnownFunctionCode(code), y2025.isUnnamed(code), y2025.functionName(code)]).toEqual([true, false, name]);
      expect(y2025.functionCodes.find((entry) => entry.code === code)?.source).toBe('document');
      expect(catalogFor(2024).isKnownFunctionCode(code)).toBe(false);
    }
    expect(y2025.functionPath('22911').map((entry) => entry.name)).toEqual(['其他支出', '中央金融机构注资特别国债财务基金支出']);
    expect(y2025.basis).toEqual(CATALOG_CHANGES.map((change) => change.basis));
  });

  it('names 23004 from edition 5: the text of 财预〔2024〕22号 (the 2024 增补) prints “政府性基金转移支付(23004款)”', () => {
    const path = (year: number, edition?: number) => catalogFor(year, edition).functionPath('2300412').map((entry) => `${entry.code} ${entry.name}`);
    expect(path(2024)).toEqual(['23004 政府性基金转移支付', '2300412 自然资源海洋气象等']);
    expect(catalogFor(2025).functionCodes.find((entry) => entry.code === '23004')).toEqual({ code: '23004', name: '政府性基金转移支付', level: '款', source: 'document' });
    // A file of edition 4 keeps the 款 unnamed; the name comes from the 2024 notice, so a 2023 file has neither.
    expect(path(2024, 4)).toEqual(['2300412 自然资源海洋气象等']);
    expect([catalogFor(2023).functionName('23004'), catalogFor(2023).isKnownFunctionCode('23004')]).toEqual([undefined, false]);
    // The 增补 (edition 2) and the texts that named its codes (editions 4 and 5) are one notice, by its number.
    expect(catalogFor(2024).basis.filter((basis) => basis.includes('财预〔2024〕22号'))).toHaveLength(3);
  });

  it('completes the 2023 list from sourced names only, each marked with its source', () => {
    const current = catalogFor(2023);
    expect(current.functionCodes.find((entry) => entry.code === '2010305')).toEqual({ code: '2010305', name: '专项业务活动', level: '项', source: 'inferred' });
    // No source names these common codes: from edition 3 they are valid codes whose name is 待核 (the clerk
    // or the official catalog supplies it); edition 2 files keep them 自定义.
    for (const code of ['2010607', '2111101', '2111102', '2111103', '2120399', '22198', '2240299']) {
      expect(current.isKnownFunctionCode(code) && current.isUnnamed(code)).toBe(true);
      expect(current.functionName(code)).toBeUndefined();
      expect(catalogFor(2023, 2).isKnownFunctionCode(code)).toBe(false);
    }
    // The first edition (files made before editions were recorded) keeps its list; edition 2 adds 2010305.
    const first = catalogFor(2023, FIRST_EDITION);
    expect(first.isKnownFunctionCode('2010305')).toBe(false);
    const items = (catalog: typeof first) => catalog.functionCodes.filter((entry) => entry.level === '项').map((entry) => entry.code);
    expect(items(current).filter((code) => !items(first).includes(code))).toEqual(['2010305']);
    expect(items(first).every((code) => items(current).includes(code))).toBe(true);
    expect(new Set(current.functionCodes.map((entry) => entry.source))).toEqual(new Set(['seed', 'official', 'inferred']));
    expect(CURRENT_EDITION).toBe(Math.max(...CATALOG_CHANGES.map((change) => change.edition)));
  });

  it('shows a renamed 类 under its current name and recognises the old name in imported text', () => {
    const catalog = catalogFor(2025);
    expect(catalog.functionName('207')).toBe('文化旅游体育与传媒支出');
    expect(catalog.formerNameOf('文化体育与传媒支出')).toEqual({ code: '207', currentName: '文化旅游体育与传媒支出' });
    expect(catalog.formerNameOf('文化体育与传媒支出(类)')).toEqual({ code: '207', currentName: '文化旅游体育与传媒支出' });
    expect(catalog.formerNameOf('文化旅游体育与传媒支出')).toBeUndefined();
  });
});
