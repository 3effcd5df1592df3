import { describe, expect, it } from 'vitest';
import {
  DEFAULT_YEAR,
  FIRST_EDITION,
  catalogFor,
  economicName,
  functionLevel,
  functionName,
  isKnownFunctionCode,
  searchFunction,
} from '../../shared/catalog';
import categories from '../../shared/catalog/categories-26.json';
import inferred from '../../shared/catalog/codes-inferred.json';
import economic from '../../shared/catalog/economic-codes.json';
import official from '../../shared/catalog/function-codes-2023.json';
import seedFunctions from '../../shared/catalog/function-codes.json';

const catalog = catalogFor(2023);

describe('function code catalog', () => {
  it('names every code printed in seed 002 and every 类 of 公开01表', () => {
    expect(seedFunctions).toHaveLength(16);
    for (const { code, name } of seedFunctions) expect(functionName(code)).toBe(name);
    expect(categories).toHaveLength(26);
    for (const { code, name } of categories) expect(functionName(code)).toBe(name);
    expect(functionName('2010301')).toBe('行政运行');
    expect(functionName('20103')).toBe('政府办公厅(室)及相关机构事务');
  });

  it('takes narrative codes inferred with high confidence only', () => {
    for (const entry of inferred.function_names_without_code) {
      if (entry.confidence === 'high') expect(functionName(entry.inferred_code)).toBe(entry.name);
    }
    for (const code of ['2010350', '2010399', '2080501', '2080506', '2080705', '20899', '21004', '2101101', '2101102', '2101103', '2101199', '22102', '2210201']) {
      expect(isKnownFunctionCode(code)).toBe(true);
    }
    // medium / low confidence and not confirmed as an official name: left out rather than guessed, except
    // 2010305 专项业务活动, which the issue text confirms (from definitions edition 2; edition 1 files keep it out)
    for (const code of ['2121399', '2120803']) expect(isKnownFunctionCode(code)).toBe(false);
    expect(isKnownFunctionCode('2010305', 2023, FIRST_EDITION)).toBe(false);
    expect(functionName('2010305', 2023)).toBe('专项业务活动');
  });

  it('has the common official 项 by their exact names', () => {
    expect(functionName('2010302')).toBe('一般行政管理事务');
    expect(functionName('2080505')).toBe('机关事业单位基本养老保险缴费支出');
    expect(functionName('2080506')).toBe('机关事业单位职业年金缴费支出');
    expect(functionName('2101101')).toBe('行政单位医疗');
    expect(functionName('2210201')).toBe('住房公积金');
    expect(functionName('2013101')).toBe('行政运行');
  });

  it('never gives one code two names across its sources', () => {
    const named = [
      ...seedFunctions,
      ...categories,
      ...official,
      ...inferred.function_names_without_code.filter((entry) => entry.confidence === 'high').map((entry) => ({ code: entry.inferred_code, name: entry.name })),
    ];
    const conflicts = named.filter(({ code, name }) => functionName(code) !== name);
    expect(conflicts).toEqual([]);
  });

  it('is a proper tree: 3/5/7 digits, every 款 and 项 under a known parent, sorted, unique', () => {
    const codes = catalog.functionCodes.map((entry) => entry.code);
    expect(codes).toEqual([...new Set(codes)].sort());
    for (const entry of catalog.functionCodes) {
      expect(entry.level).toBe(functionLevel(entry.code));
      if (entry.code.length > 3) expect(isKnownFunctionCode(entry.code.slice(0, entry.code.length - 2)), entry.code).toBe(true);
      expect(entry.name.trim()).toBe(entry.name);
      expect(entry.name).not.toBe('');
    }
  });

  it('gives the 类/款/项 path of a code', () => {
    expect(catalog.functionPath('2080505').map((entry) => entry.name)).toEqual(['社会保障和就业支出', '行政事业单位养老支出', '机关事业单位基本养老保险缴费支出']);
    expect(catalog.functionPath('20103').map((entry) => entry.code)).toEqual(['201', '20103']);
  });
});

describe('searchFunction (autocomplete)', () => {
  it('matches a code prefix, 项 first, then 款 and 类, each in code order', () => {
    const result = searchFunction('20805');
    expect(result[0].code).toBe('2080501');
    expect(result.map((entry) => entry.level)).toEqual([...result.map((entry) => entry.level)].sort((a, b) => '项款类'.indexOf(a) - '项款类'.indexOf(b)));
    expect(result.at(-1)!.code).toBe('20805');
    expect(searchFunction('2').every((entry) => entry.code.startsWith('2'))).toBe(true);
  });

  it('matches a name substring, ignoring spaces', () => {
    const result = searchFunction('养老 ');
    expect(result.map((entry) => entry.code)).toEqual(['2080505', '2080507', '2080599', '20805']);
    expect(searchFunction('行政运行').every((entry) => entry.level === '项' && entry.name === '行政运行')).toBe(true);
  });

  it('respects the limit and returns nothing for an empty query', () => {
    expect(searchFunction('2', 5)).toHaveLength(5);
    expect(searchFunction('  ')).toEqual([]);
    expect(searchFunction('不存在的科目')).toEqual([]);
  });
});

describe('economic codes', () => {
  it('names the 81 codes of 公开06表 and the INFERRED 类', () => {
    expect(economic).toHaveLength(81);
    for (const { code, name } of economic) expect(economicName(code)).toBe(name);
    expect(economicName('30212')).toBe('因公出国(境)费用');
    expect(economicName('39908')).toBe('对民间非营利组织和群众性自治组织补贴');
    expect(['309', '311', '312', '313'].map((code) => economicName(code))).toEqual(['资本性支出(基本建设)', '对企业补助(基本建设)', '对企业补助', '对社会保障基金补助']);
    expect(catalog.economicCodes).toHaveLength(85);
  });

  it('groups them as 公开06表 does', () => {
    const group = (code: string) => catalog.economicCodes.find((entry) => entry.code === code)!.group;
    expect(['301', '30113', '303', '30302'].map(group)).toEqual(['人员经费', '人员经费', '人员经费', '人员经费']);
    expect(['302', '30299', '307', '310', '399'].map(group)).toEqual(['公用经费', '公用经费', '公用经费', '公用经费', '公用经费']);
    expect(group('309')).toBeUndefined();
  });
});

describe('catalog versions per fiscal year', () => {
  it('serves one version for 2020–2023, a new one from 2024 (增补) and falls back for older years', () => {
    expect(catalogFor(2022)).toBe(catalogFor(2023));
    expect(catalogFor(2019)).toBe(catalogFor(2023));
    expect(catalogFor()).toBe(catalogFor(DEFAULT_YEAR));
    expect(catalogFor(2023).fromYear).toBe(2023);
    expect(catalogFor(2024).fromYear).toBe(2024);
    expect(catalogFor(2024)).not.toBe(catalogFor(2023));
    expect(functionName('2010301', 2024)).toBe('行政运行');
  });
});
