/** The amount unit a preamble cell states, in the forms published tables print it (read-header.ts). */
import { describe, expect, it } from 'vitest';
import { statedAmountUnit } from '../../electron/core/xlsx/read-header';
import { norm } from '../../electron/core/xlsx/text';

const unitOf = (text: string) => statedAmountUnit(norm(text));

describe('statedAmountUnit', () => {
  it('reads 金额单位 and a plain 单位 that names a money unit', () => {
    expect(unitOf('金额单位:万元')).toBe('万元');
    expect(unitOf('金额单位：元')).toBe('元');
    expect(unitOf('单位：元')).toBe('元');
    expect(unitOf('（单位：万元）')).toBe('万元');
    expect(unitOf('金额单位：人民币元')).toBe('元');
    expect(unitOf('编制单位：某局      单位：元')).toBe('元');
    expect(unitOf('部门：某局  金额单位：万元')).toBe('万元');
    expect(unitOf('单位：千元')).toBe('千元');
  });

  it('leaves department lines and header words alone', () => {
    expect(unitOf('单位：某某局')).toBeUndefined();
    expect(unitOf('编制单位：荆门市行政审批局(本级)')).toBeUndefined();
    expect(unitOf('单位名称')).toBeUndefined();
    expect(unitOf('附属单位上缴收入（元）')).toBeUndefined();
    expect(unitOf('收入支出决算总表')).toBeUndefined();
  });
});
