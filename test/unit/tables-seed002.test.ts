import { describe, expect, it } from 'vitest';
import { functionName } from '../../shared/catalog';
import { parseAmount, type Amount } from '../../shared/money';
import { TABLES, TEMPLATE_SETS, TOTAL, YearModel, inputsFromDocs } from '../../shared/tables';
import { SEED_002_INPUTS, SEED_002_PRINTED } from '../fixtures/seed-002';

function loadSeed002(): YearModel {
  return new YearModel(TABLES, inputsFromDocs(SEED_002_INPUTS), functionName);
}

/**
 * Seed 002 keys its 项 in 万元 with 2 decimals and prints totals rounded from 元, so Σ 类 = 3249.78 + 10.00
 * + 124.02 = 3383.80 while it prints 合计 3383.79 (SPEC §0.5, F-01/F-02). Our 合计 rows and r58/r59 are
 * computed from the 类, so exactly these cells come out 0.01 away from the print. 公开04表 r60 (年末 =
 * 年初 + 收入 − 支出) then carries the same 0.01 with the opposite sign, and r64 = r59 + r60 prints right again.
 */
const ROUNDING_DIFFERENCES: Record<string, string> = {
  '公开01表 58 2': '3383.80',
  '公开01表 62 2': '3383.80',
  '公开02表 合计 1': '3383.80',
  '公开02表 合计 2': '3383.80',
  '公开03表 合计 1': '3383.80',
  '公开05表 合计 1': '3383.80',
  '公开04表 59 2': '3383.80',
  '公开04表 59 3': '3383.80',
  '公开04表 60 2': '-0.01',
  '公开04表 60 3': '-0.01',
};

/** Row order of the seed's dynamic tables (SPEC §1.10). */
const SEED_ORDER = [TOTAL, '201', '20103', '2010301', '2010302', '2010303', '2010306', '20113', '2011308', '205', '20508', '2050802', '208', '20805', '2080505', '20807', '2080799'];
const SEED_NAMES = [
  '合 计', '一般公共服务支出', '政府办公厅(室)及相关机构事务', '行政运行', '一般行政管理事务', '机关服务', '政务公开审批', '商贸事务', '招商引资',
  '教育支出', '进修及培训', '干部教育', '社会保障和就业支出', '行政事业单位养老支出', '机关事业单位基本养老保险缴费支出', '就业补助', '其他就业补助支出',
];

describe('seed 002 (荆门 2023) reproduces from its inputs', () => {
  const model = loadSeed002();

  it('builds the dynamic rows in the seed order with catalog names', () => {
    for (const id of ['公开02表', '公开03表', '公开05表']) {
      expect(model.rows(id).map((row) => row.key)).toEqual(SEED_ORDER);
      expect(model.rows(id).map((row) => row.label)).toEqual(SEED_NAMES);
    }
    for (const id of ['公开07表', '公开08表']) expect(model.rows(id).map((row) => row.key)).toEqual([TOTAL]);
  });

  it.each(TEMPLATE_SETS['9'].map((id) => [id]))('%s: every printed cell within 0.01, exact except the listed 尾数误差', (id) => {
    const def = TABLES.get(id)!;
    const printed = SEED_002_PRINTED[id];
    const differences: string[] = [];
    const visited = new Set<string>();
    for (const row of model.rows(id)) {
      if (row.blank) continue;
      expect(printed[row.key], `${id} row ${row.key} is printed`).toBeDefined();
      for (const col of Object.keys(row.rules)) {
        const value = model.value(id, row.key, col);
        // Fixed tables print an empty cell as 0.00; dynamic ones leave it blank.
        const shown: Amount | null = value === null && def.emptyAsZero ? 0 : value;
        const text = printed[row.key][col];
        const expected = text === undefined ? null : parseAmount(text);
        const key = `${id} ${row.key} ${col}`;
        visited.add(`${row.key}|${col}`);
        if (key in ROUNDING_DIFFERENCES) {
          expect(shown, key).toBe(parseAmount(ROUNDING_DIFFERENCES[key]));
          expect(Math.abs(shown! - expected!), key).toBe(100); // 0.01 万元
          differences.push(key);
        } else {
          expect(shown, key).toBe(expected);
        }
      }
    }
    const unvisited = Object.entries(printed).flatMap(([row, cols]) => Object.keys(cols).map((col) => `${row}|${col}`)).filter((cell) => !visited.has(cell));
    expect(unvisited).toEqual([]);
    expect(differences).toEqual(Object.keys(ROUNDING_DIFFERENCES).filter((key) => key.startsWith(`${id} `)));
  });

  it('satisfies the cross-table identities SPEC §2.4 checks on seed 002', () => {
    const v = (id: string, row: string, col: string) => model.value(id, row, col);
    expect(v('公开01表', '27', '1')).toBe(v('公开02表', TOTAL, '1')! - 100); // R-X01 within 0.01
    expect(v('公开06表', '人员经费合计', '1')! + v('公开06表', '公用经费合计', '1')!).toBe(v('公开05表', TOTAL, '2')); // R-X10
    expect(v('公开04表', '32', '1')).toBe(v('公开04表', '64', '2')); // R-B04
    for (const [row, code] of [['33', '201'], ['37', '205'], ['40', '208']]) expect(v('公开04表', row, '3')).toBe(v('公开05表', code, '1')); // R-X07
  });
});
