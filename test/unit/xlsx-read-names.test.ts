/**
 * How the importer names what it reads: a table by its whole title (never by its ending), a 功能分类
 * code from 类 | 款 | 项 parts, a value column from the header wordings of real workbooks.
 */
import { describe, expect, it } from 'vitest';
import { templateTables } from '../../shared/tables';
import { joinCode } from '../../electron/core/xlsx/code-parts';
import { looseMatch, strictMatch } from '../../electron/core/xlsx/header-match';
import { tableByTitle } from '../../electron/core/xlsx/titles';

const NINE = templateTables('9');
const THIRTEEN = templateTables('13');
const id = (title: string, tables = NINE) => tableByTitle(title, tables)?.id;

describe('a table by its whole title', () => {
  it('reads titles with year, unit, list number, spaces and full-width forms', () => {
    expect(id('支出决算表')).toBe('公开03表');
    expect(id('荆门市行政审批局(本级)2023年度支出决算表')).toBe('公开03表');
    expect(id('2024年度 部门 收入支出决算总表')).toBe('公开01表');
    expect(id('八、一般公共预算财政拨款基本支出决算表')).toBe('公开06表');
    expect(id('财政拨款“三公”经费支出决算表')).toBe('公开09表');
    expect(id('财政拨款"三公"经费支出决算表(草稿)')).toBe('公开09表');
    expect(id('２０２４年度政府性基金预算财政拨款收入支出决算表')).toBe('公开07表');
  });

  it('never takes a longer title for the one it ends with', () => {
    expect(id('一般公共预算财政拨款基本支出决算表')).toBe('公开06表');
    expect(id('国有资本经营预算财政拨款收入支出决算表')).toBe('公开08表');
    expect(id('一般公共预算财政拨款项目支出决算表')).toBeUndefined();
    expect(id('某某单位项目支出决算表')).toBeUndefined();
    expect(id('一般公共预算财政拨款支出决算表')).toBe('公开05表');
  });

  it('a set that has the table of an alias title uses it (四川 13 表: 川11表)', () => {
    expect(id('国有资本经营预算财政拨款收入支出决算表', THIRTEEN)).toBe('川11表');
    expect(id('一般公共预算财政拨款项目支出决算表', THIRTEEN)).toBe('川09表');
    expect(id('一般公共预算财政拨款支出决算明细表', THIRTEEN)).toBe('川07表');
  });
});

describe('a 功能分类 code from its printed parts', () => {
  const none = { class: '', section: '' };
  const under = { class: '201', section: '20106' };
  it('joins 类 | 款 | 项, padding parts stored as numbers', () => {
    expect(joinCode(['201', '06', '01'], none)).toBe('2010601');
    expect(joinCode(['201', '6', '1'], none)).toBe('2010601');
    expect(joinCode(['201', '', ''], none)).toBe('201');
    expect(joinCode(['201', '06', ''], none)).toBe('20106');
  });
  it('fills the 类 and 款 left blank from the lines above', () => {
    expect(joinCode(['', '', '2'], under)).toBe('2010602');
    expect(joinCode(['', '7', ''], under)).toBe('20107');
    expect(joinCode(['', '7', '1'], under)).toBe('2010701');
  });
  it('takes a whole code in one part as it is, and returns what cannot be a code as text', () => {
    expect(joinCode(['2010601', '', ''], none)).toBe('2010601');
    expect(joinCode(['', '20106', ''], none)).toBe('20106');
    expect(joinCode(['合计', '', ''], none)).toBe('合计');
    expect(joinCode(['', '', ''], under)).toBe('');
  });
});

describe('value columns by header wording', () => {
  it('accepts the wordings of real workbooks for the same column', () => {
    expect(strictMatch(['收入', '决算数'], ['收 入', '金额'])).toBe(true);
    expect(strictMatch(['本年支出', '合计'], ['本年支出', '小计'])).toBe(true);
    expect(strictMatch(['因公出国(境)费', '决算数'], ['决算数', '因公出国(境)费'])).toBe(true);
  });
  it('keeps 预算数 and 决算数 apart, and 收入 and 支出', () => {
    expect(strictMatch(['因公出国(境)费', '预算数'], ['决算数', '因公出国(境)费'])).toBe(false);
    expect(strictMatch(['支出', '金额'], ['收 入', '金额'])).toBe(false);
    expect(looseMatch(['本年收入合计'], ['本年支出', '小计'])).toBe(false);
  });
});
