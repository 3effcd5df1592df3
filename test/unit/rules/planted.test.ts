import { describe, expect, it } from 'vitest';
import { RULE_SETS, type PrintedCells, type PrintedNames, type Supplementary, type ValidateOptions } from '../../../shared/rules';
import type { YearInputs } from '../../../shared/tables';
import { amount, difference, modelOf, seedInputs, setInput, tag, validate, withOverrides } from './helpers';
import { missingFromMessage } from './message-shape';

/**
 * One planted violation per rule, on top of seed 002: the test asserts the exact findings that
 * appear (rule, table, row, 栏次, severity) and that nothing else changes.
 *
 * Mechanisms:
 * - input: what a clerk can key. Used wherever the relation compares independently keyed values.
 * - override: a cell reading differently from what the engine computes or links (an imported file
 *   keeping its printed totals, a linked value typed over). The engine cannot produce that from
 *   inputs, because computed and linked cells are evaluated from their formulas; an overridden cell
 *   then breaks every relation that runs through it, so those companions are listed too.
 * - baseline: last year's file, for R-Y01–Y04 and P-03.
 * - supp: supplementary inputs, for R-X19–X24, P-03 (年初预算) and P-04.
 * - printed: computed cells as an imported workbook printed them, for R-I01.
 * Where a rule is implied by others (R-X14 by R-B03, R-X15 by R-X11), the premise fires with it.
 */
interface Case {
  rule: string;
  how: string;
  inputs?: (inputs: YearInputs) => void;
  /** Changes made before and after planting (a starting point other than the plain seed). */
  base?: (inputs: YearInputs) => void;
  overrides?: Record<string, string>;
  /** Changes to last year's file (seed 002 with 财政拨款收入 3383.80, so its closing balances are 0). */
  lastYear?: (inputs: YearInputs) => void;
  supp?: Supplementary;
  /** Computed cells as an imported workbook printed them (R-I01). */
  printed?: PrintedCells;
  /** 科目 names as an imported workbook printed them (R-I02). */
  printedNames?: PrintedNames;
  options?: Partial<ValidateOptions>;
  added: string[];
  removed?: string[];
}

/** Breaks R-X12's premise (no 非财政拨款结余 used) while keeping 收入总计 = 支出总计. */
const useNonGrantBalance = (inputs: YearInputs) => {
  setInput(inputs, '公开01表', '28', '1', '1');
  setInput(inputs, '公开01表', '60', '2', '1');
};

const CASES: Case[] = [
  // 2.1 within-row: the 合计/小计 columns are computed, so only an override can break them.
  {
    rule: 'R-W01',
    how: 'override 公开02表 2010301 本年收入合计; also breaks 款 = Σ项 and 02 = 03 by code',
    overrides: { '公开02表|2010301|1': '20.10' },
    added: ['R-W01 公开02表 2010301 1 error', 'R-H03 公开02表 20103 1 error', 'R-X14 公开02表 2010301 1 warning'],
  },
  {
    rule: 'R-W02',
    how: 'override 公开03表 2010301 本年支出合计',
    overrides: { '公开03表|2010301|1': '20.10' },
    added: ['R-W02 公开03表 2010301 1 error', 'R-H03 公开03表 20103 1 error', 'R-X14 公开02表 2010301 1 warning'],
  },
  {
    rule: 'R-W03',
    how: 'override 公开05表 2010301 小计',
    overrides: { '公开05表|2010301|1': '20.10' },
    added: ['R-W03 公开05表 2010301 1 error', 'R-H03 公开05表 20103 1 error'],
  },
  {
    rule: 'R-W04',
    how: 'override 公开04表 r33 合计',
    overrides: { '公开04表|33|2': '3259.78' },
    added: ['R-W04 公开04表 33 2 error', 'R-H08 公开04表 59 2 error'],
  },
  {
    rule: 'R-W05',
    how: 'override 公开07表 合计 本年支出小计 (the seed has no 07 rows); it also feeds 合计 = Σ类, 04 c4 and 年末',
    overrides: { '公开07表|合计|3': '5' },
    added: ['R-W05 公开07表 合计 3 error', 'R-H01 公开07表 合计 3 error', 'R-X08 公开04表 59 4 error', 'R-B06 公开07表 合计 6 error'],
  },
  {
    rule: 'R-W06',
    how: 'override 公开08表 合计 c1',
    overrides: { '公开08表|合计|1': '5' },
    added: ['R-W06 公开08表 合计 1 error', 'R-H01 公开08表 合计 1 error', 'R-X09 公开04表 59 5 error'],
  },
  {
    rule: 'R-W07',
    how: 'override 公开09表 预算数合计',
    overrides: { '公开09表|1|1': '9.29' },
    added: ['R-W07 公开09表 1 1 error'],
  },
  // 2.2 hierarchy
  {
    rule: 'R-H01',
    how: 'override 公开08表 合计 基本支出 (read by no other table)',
    overrides: { '公开08表|合计|2': '5' },
    added: ['R-H01 公开08表 合计 2 error', 'R-W06 公开08表 合计 1 error'],
  },
  {
    rule: 'R-H02',
    how: 'override 公开05表 类 201 项目支出',
    overrides: { '公开05表|201|3': '1968.00' },
    added: ['R-H02 公开05表 201 3 error', 'R-H01 公开05表 合计 3 error', 'R-W03 公开05表 201 1 error'],
  },
  {
    rule: 'R-H03',
    how: 'override 公开05表 款 20103 项目支出',
    overrides: { '公开05表|20103|3': '1967.81' },
    added: ['R-H03 公开05表 20103 3 error', 'R-H02 公开05表 201 3 error', 'R-W03 公开05表 20103 1 error'],
  },
  {
    rule: 'R-H04',
    how: 'override 公开06表 301',
    overrides: { '公开06表|301|1': '1309.22' },
    added: ['R-H04 公开06表 301 1 error', 'R-H05 公开06表 人员经费合计 1 error'],
  },
  {
    rule: 'R-H05',
    how: 'override 公开06表 人员经费合计',
    overrides: { '公开06表|人员经费合计|1': '1325.01' },
    added: ['R-H05 公开06表 人员经费合计 1 error', 'R-X10 公开06表 人员经费合计 1 error'],
  },
  {
    rule: 'R-H06',
    how: 'override 公开01表 r27 (its 0.01 R-X01 warning becomes an error)',
    overrides: { '公开01表|27|1': '3393.79' },
    added: ['R-H06 公开01表 27 1 error', 'R-X01 公开01表 27 1 error', 'R-B01 公开01表 31 1 error'],
    removed: ['R-X01 公开01表 27 1 warning 尾数'],
  },
  {
    rule: 'R-H07',
    how: 'override 公开01表 r58',
    overrides: { '公开01表|58|2': '3393.80' },
    added: ['R-H07 公开01表 58 2 error', 'R-X05 公开01表 58 2 error', 'R-B02 公开01表 62 2 error'],
  },
  {
    rule: 'R-H08',
    how: 'override 公开04表 r27',
    overrides: { '公开04表|27|1': '3393.79' },
    added: ['R-H08 公开04表 27 1 error', 'R-B04 公开04表 32 1 error', 'R-X13 公开04表 27 1 warning'],
  },
  // 2.3 balance
  {
    rule: 'R-B01',
    how: 'override 公开01表 收入总计',
    overrides: { '公开01表|31|1': '3393.79' },
    added: ['R-B01 公开01表 31 1 error', 'R-B03 公开01表 31 1 error'],
    removed: ['R-B03 公开01表 31 1 warning 尾数'],
  },
  {
    rule: 'R-B02',
    how: 'override 公开01表 支出总计',
    overrides: { '公开01表|62|2': '3393.80' },
    added: ['R-B02 公开01表 62 2 error', 'R-B03 公开01表 31 1 error'],
    removed: ['R-B03 公开01表 31 1 warning 尾数'],
  },
  {
    rule: 'R-B03',
    how: 'input: 年末结转和结余 keyed as 10 with nothing to fund it; R-X14 follows from R-B03',
    inputs: (inputs) => setInput(inputs, '公开01表', '60', '2', '10'),
    added: ['R-B03 公开01表 31 1 error', 'R-X14 公开02表 合计 1 error'],
    removed: ['R-B03 公开01表 31 1 warning 尾数'],
  },
  {
    rule: 'R-B04',
    how: 'override 公开04表 收入总计 (the balance r32 = r64 is reported once per cell)',
    overrides: { '公开04表|32|1': '3393.79' },
    added: ['R-B04 公开04表 32 1 error'],
  },
  {
    rule: 'R-B05',
    how: 'override 公开04表 年末 一般公共预算 (r60 is computed; SPEC allows it as an override)',
    overrides: { '公开04表|60|3': '10' },
    added: ['R-B05 公开04表 60 3 error', 'R-W04 公开04表 60 2 error', 'R-B04 公开04表 64 3 error'],
  },
  {
    rule: 'R-B06',
    how: 'override 公开07表 合计 年末结转和结余',
    overrides: { '公开07表|合计|6': '5' },
    added: ['R-B06 公开07表 合计 6 error', 'R-H01 公开07表 合计 6 error', 'R-X08 公开04表 60 4 error'],
  },
  // 2.4 cross-table
  {
    rule: 'R-X01',
    how: 'input: a 项 of 公开02表 keyed 10 too high; R-X01 ⇔ R-X02 in our engine, and 02 ≠ 03 by code and in total',
    inputs: (inputs) => setInput(inputs, '公开02表', '2010303', '2', '202.76'),
    added: [
      'R-X01 公开01表 27 1 error',
      'R-X02 公开01表 1 1 error',
      'R-X14 公开02表 合计 1 error',
      'R-X14 公开02表 2010303 1 warning',
    ],
    removed: ['R-X01 公开01表 27 1 warning 尾数', 'R-X02 公开01表 1 1 warning 尾数'],
  },
  {
    rule: 'R-X02',
    how: 'input: 财政拨款收入 in 公开04表 keyed 10 too high; 收入总计 and 04 vs 01 year-end follow',
    inputs: (inputs) => setInput(inputs, '公开04表', '1', '1', '3393.79'),
    added: ['R-X01 公开01表 27 1 error', 'R-X02 公开01表 1 1 error', 'R-B03 公开01表 31 1 error', 'R-X13 公开04表 60 2 warning'],
    removed: ['R-B03 公开01表 31 1 warning 尾数', 'R-X01 公开01表 27 1 warning 尾数', 'R-X02 公开01表 1 1 warning 尾数'],
  },
  {
    rule: 'R-X03',
    how: 'override linked 公开01表 r4 上级补助收入',
    overrides: { '公开01表|4|1': '5' },
    added: ['R-X03 公开01表 4 1 error', 'R-H06 公开01表 27 1 error'],
  },
  {
    rule: 'R-X04',
    how: 'override linked 公开01表 r1',
    overrides: { '公开01表|1|1': '3393.79' },
    added: ['R-X02 公开01表 1 1 error', 'R-X04 公开01表 1 1 error', 'R-H06 公开01表 27 1 error'],
    removed: ['R-X02 公开01表 1 1 warning 尾数'],
  },
  {
    rule: 'R-X05',
    how: 'override 公开01表 r58',
    overrides: { '公开01表|58|2': '3383.70' },
    // Lower than 公开04表's 本年支出合计 now, so R-X13 (财政拨款 ⊆ all funds) as well.
    added: ['R-H07 公开01表 58 2 error', 'R-X05 公开01表 58 2 error', 'R-B02 公开01表 62 2 error', 'R-X13 公开04表 59 2 warning'],
  },
  {
    rule: 'R-X06',
    how: 'override linked 公开01表 r36 教育支出',
    overrides: { '公开01表|36|2': '20' },
    added: ['R-H07 公开01表 58 2 error', 'R-X06 公开01表 36 2 error'],
  },
  {
    rule: 'R-X07',
    how: 'override linked 公开04表 r37 教育 一般公共预算',
    overrides: { '公开04表|37|3': '20' },
    added: ['R-W04 公开04表 37 2 error', 'R-H08 公开04表 59 3 error', 'R-X07 公开04表 37 3 error'],
  },
  {
    rule: 'R-X08',
    how: 'override linked 公开04表 r34 政府性基金',
    overrides: { '公开04表|34|4': '5' },
    added: ['R-W04 公开04表 34 2 error', 'R-H08 公开04表 59 4 error', 'R-X08 公开04表 34 4 error'],
  },
  {
    rule: 'R-X09',
    how: 'override linked 公开04表 r34 国有资本经营',
    overrides: { '公开04表|34|5': '5' },
    added: ['R-W04 公开04表 34 2 error', 'R-H08 公开04表 59 5 error', 'R-X09 公开04表 34 5 error'],
  },
  {
    rule: 'R-X10',
    how: 'input: 公开06表 基本工资 10 too high',
    inputs: (inputs) => setInput(inputs, '公开06表', '30101', '1', '206.57'),
    added: ['R-X10 公开06表 人员经费合计 1 error'],
  },
  {
    rule: 'R-X11',
    how: 'input: 10 of 公开05表 项目支出 moved from 2010306 to 2010303 (totals unchanged); R-X12 premise broken',
    inputs: (inputs) => {
      setInput(inputs, '公开05表', '2010303', '3', '202.76');
      setInput(inputs, '公开05表', '2010306', '3', '146.98');
      useNonGrantBalance(inputs);
    },
    added: ['R-X11 公开05表 2010303 3 warning'],
  },
  {
    rule: 'R-X12',
    how: 'input: 公开05表 2010303 10 lower than 公开03表, the 10 shown as 年末结转 (with 结余分配 −10 to balance)',
    inputs: (inputs) => {
      setInput(inputs, '公开05表', '2010303', '3', '182.76');
      setInput(inputs, '公开01表', '60', '2', '10');
      setInput(inputs, '公开01表', '59', '2', '-10');
    },
    added: ['R-X12 公开05表 2010303 3 warning'],
  },
  {
    rule: 'R-X13',
    how: 'input: 公开04表 年初 一般公共预算 5 while 公开01表 has no 年初结转和结余 (opening and closing both exceed)',
    inputs: (inputs) => setInput(inputs, '公开04表', '29', '1', '5'),
    added: ['R-X13 公开04表 28 1 warning', 'R-X13 公开04表 60 2 warning'],
  },
  {
    rule: 'R-X14',
    how: 'input: 10 of 财政拨款收入 moved from 2010306 to 2010303 in 公开02表 only (totals unchanged)',
    inputs: (inputs) => {
      setInput(inputs, '公开02表', '2010303', '2', '202.76');
      setInput(inputs, '公开02表', '2010306', '2', '146.98');
    },
    added: ['R-X14 公开02表 2010303 1 warning', 'R-X14 公开02表 2010306 1 warning'],
  },
  {
    rule: 'R-X15',
    how: 'input: 公开05表 基本支出 +10 (with 公开06表 +10) and 项目支出 −10; a total above 03 needs a 项 above 03',
    inputs: (inputs) => {
      setInput(inputs, '公开05表', '2010301', '2', '29.10');
      setInput(inputs, '公开05表', '2010303', '3', '182.76');
      setInput(inputs, '公开06表', '30101', '1', '206.57');
      useNonGrantBalance(inputs);
    },
    added: ['R-X11 公开05表 2010301 2 warning', 'R-X15 公开03表 合计 2 warning'],
  },
  {
    rule: 'R-X16',
    how: 'input: 1.00 of 办公费 moved to 因公出国(境)费用 in 公开06表 while 三公 决算 出国 is 0',
    inputs: (inputs) => {
      setInput(inputs, '公开06表', '30212', '1', '1');
      setInput(inputs, '公开06表', '30201', '1', '5.04');
    },
    added: ['R-X16 公开09表 1 8 warning'],
  },
  {
    rule: 'R-X17',
    how: 'input: a 政府性基金 项 in 公开07表 that 公开03表 lacks (no amounts)',
    inputs: (inputs) => void inputs['公开07表'].codes.add('2120801'),
    // No catalog we hold names 2120801 or its 款 21208 (a clerk names the 项 as a custom code): R-I03 says so.
    added: ['R-X17 公开07表 2120801 - warning', 'R-I03 公开07表 21208 - warning', 'R-I03 公开07表 2120801 - warning'],
  },
  {
    rule: 'R-X18',
    how: 'input: 0.50 of 决算 运行维护费 moved to 公务接待费 (above its 预算 2.02); totals unchanged',
    inputs: (inputs) => {
      setInput(inputs, '公开09表', '1', '11', '5.77');
      setInput(inputs, '公开09表', '1', '12', '2.52');
    },
    added: ['R-X18 公开09表 1 12 warning'],
  },
  {
    rule: 'R-X19',
    how: 'supp: 机关运行经费 110.20 against 公用经费合计 100.20',
    supp: { admin_running_cost: amount('110.20'), unit_info: { nature: '行政单位' } },
    added: ['R-X19 补充信息 admin_running_cost - warning'],
  },
  {
    rule: 'R-X20',
    how: 'supp: 培训费总额 2.00 below 公开06表 培训费 3.15 (会议费 1.29 fine)',
    supp: { training_fee: amount('2'), meeting_fee: amount('1.29') },
    added: ['R-X20 公开06表 30216 1 warning'],
  },
  {
    rule: 'R-X21',
    how: 'supp: the seed’s “1957.81 万元,占 100%” (really 99.45%)',
    supp: { perf_summary: { amount: amount('1957.81'), coverage_pct: 100 } },
    added: ['R-X21 补充信息 perf_summary.coverage_pct - warning'],
  },
  {
    rule: 'R-X22',
    how: 'supp: project forms 执行数 summing to 1977.82 > 项目支出 1968.59',
    supp: {
      project_forms: ['1797.77', '37.64', '120', '2.41', '20'].map((spent, i) => ({ name: `项目${i + 1}`, spent: amount(spent) })),
    },
    added: ['R-X22 补充信息 project_forms - warning'],
  },
  {
    rule: 'R-X23',
    how: 'supp: 政府采购 total 141.15 against 5.59 + 0 + 125.55',
    supp: { gov_procurement: { total: amount('141.15'), goods: amount('5.59'), works: 0, services: amount('125.55'), sme_amount: amount('11.15'), small_micro_amount: amount('11.15') } },
    added: ['R-X23 补充信息 gov_procurement.total - error'],
  },
  {
    rule: 'R-X24',
    how: 'supp: 三公 公务用车保有量 3 against 2 vehicles',
    supp: { assets: { vehicles_total: 2, vehicles_by_type: { 应急保障用车: 2 } }, sangong_stats: { vehicles_held: 3 } },
    added: ['R-X24 补充信息 sangong_stats.vehicles_held - warning'],
  },
  // 2.5 cross-year
  {
    rule: 'R-Y01',
    how: 'baseline: last year closed with 年末结转和结余 5 (and 结余分配 −5 to balance)',
    lastYear: (inputs) => {
      setInput(inputs, '公开01表', '60', '2', '5');
      setInput(inputs, '公开01表', '59', '2', '-5');
    },
    added: ['R-Y01 公开01表 29 1 warning'],
  },
  {
    rule: 'R-Y02',
    how: 'baseline: last year had a 国有资本经营 opening balance 5 carried to its close; fund and total differ',
    lastYear: (inputs) => setInput(inputs, '公开04表', '31', '1', '5'),
    added: ['R-Y02 公开04表 31 1 warning', 'R-Y02 公开04表 28 1 warning'],
  },
  {
    rule: 'R-Y03',
    how: 'baseline: last year’s 公开07表 closed 2120801 with 5; this year has no such row',
    lastYear: (inputs) => {
      inputs['公开07表'].codes.add('2120801');
      setInput(inputs, '公开07表', '2120801', '1', '5');
    },
    options: { isKnownCode: () => true },
    added: ['R-Y03 公开07表 2120801 1 warning'],
  },
  {
    rule: 'R-Y04',
    how: 'baseline: last year used a 项 code missing from this year’s code table',
    lastYear: (inputs) => void inputs['公开03表'].codes.add('2019998'),
    added: ['R-Y04 公开03表 2019998 - warning'],
  },
  // 2.7 plausibility
  {
    rule: 'P-01',
    how: 'input: 1.00 of 基本支出 moved from 行政运行 to 商贸事务 一般行政管理事务 (2011302), in 02, 03 and 05 alike',
    inputs: (inputs) => {
      for (const table of ['公开03表', '公开05表']) {
        setInput(inputs, table, '2010301', '2', '18.10');
        setInput(inputs, table, '2011302', '2', '1');
      }
      setInput(inputs, '公开02表', '2010301', '2', '18.10');
      setInput(inputs, '公开02表', '2011302', '2', '1');
    },
    added: ['P-01 公开03表 2011302 2 warning'],
  },
  {
    rule: 'P-02',
    how: 'input: on a year whose 职业年金 sits in 2080506 (2.32), 1.00 of 基本工资 re-keyed as 职业年金 in 公开06表',
    base: (inputs) => {
      for (const table of ['公开02表', '公开03表', '公开05表']) setInput(inputs, table, '2080506', '2', '2.32');
      setInput(inputs, '公开02表', '2010302', '2', '2878.43');
      setInput(inputs, '公开03表', '2010302', '2', '1270.36');
      setInput(inputs, '公开05表', '2010302', '2', '1270.36');
    },
    inputs: (inputs) => {
      setInput(inputs, '公开06表', '30109', '1', '3.32');
      setInput(inputs, '公开06表', '30101', '1', '195.57');
    },
    added: ['P-02 公开06表 30109 1 warning'],
  },
  {
    rule: 'P-03',
    how: 'baseline: last year’s 三公 决算 16.27 → 8.29 this year (−49%)',
    lastYear: (inputs) => setInput(inputs, '公开09表', '1', '12', '10'),
    added: ['P-03 公开09表 1 7 warning'],
  },
  {
    rule: 'P-04',
    how: 'supp: a narrative section left with the template’s “一是……”',
    supp: { narrative: { 三公经费: '主要原因:一是……;二是……。' } },
    added: ['P-04 情况说明 三公经费 - warning'],
  },
  {
    rule: 'P-05',
    how: 'supp: 年初预算 3686.57 for 201 (spent 3249.78, 88.15%) and no reason written in the 决算公开 document',
    supp: { report: { outline: '湖北', fiscalYear: 2023, texts: {} }, gpb_initial_budget_by_code: { '201': 36_865_700 } },
    added: ['P-05 情况说明 gpb.budget.201 - warning', 'P-03 公开05表 201 1 warning'],
  },
  {
    rule: 'P-06',
    how: 'supp: the reason for 201 restates its 支出决算 as 3,249.87 (tables: 3,249.78), and a reason is kept for 299, which the tables no longer have',
    supp: {
      report: {
        outline: '湖北',
        fiscalYear: 2023,
        texts: {
          'reason.gpb.budget.201': { text: '支出决算3,249.87万元低于年初预算,主要是项目推迟', draft: false },
          'reason.gpb.budget.299': { text: '其他支出为一次性项目', draft: false },
        },
      },
      gpb_initial_budget_by_code: { '201': 36_865_700 },
    },
    // The reason written for 201 explains its 执行率 for P-03 too: one 主要原因, one place.
    added: ['P-06 情况说明 gpb.budget.201 - warning', 'P-06 情况说明 gpb.budget.299 - warning'],
  },
  {
    rule: 'P-07',
    how: 'supp: a 汇总 whose units changed since its 决算单位构成 was confirmed (one added, one removed)',
    supp: { report: { outline: '湖北', fiscalYear: 2023, texts: {}, organisation: { added: ['荆门市政务数据中心'], removed: ['荆门市公共资源交易中心'] } } },
    added: ['P-07 情况说明 profile.organisation - warning'],
  },
  {
    rule: 'R-I01',
    how: 'printed: an imported workbook printed 338.38 for 公开02表 201 (Σ项 3,249.78), and 3,383.79 for 合计 (Σ 3,383.80, 尾数误差)',
    printed: new Map([['公开02表', new Map([['201|1', amount('338.38')], ['合计|1', amount('3383.79')], ['2010301|1', amount('19.10')]])]]),
    added: ['R-I01 公开02表 201 1 error', 'R-I01 公开02表 合计 1 warning 尾数'],
  },
  {
    rule: 'R-I02',
    how: 'printedNames: an imported workbook printed 公开03表 2010301 (行政运行) as 一般行政管理事务; 公开02表 2010301 as “行政 运行 支出”, the same name',
    printedNames: new Map([['公开03表', new Map([['2010301', '一般行政管理事务']])], ['公开02表', new Map([['2010301', '行政 运行 支出']])]]),
    added: ['R-I02 公开03表 2010301 - warning'],
  },
  {
    rule: 'R-I03',
    how: 'input: 2170404 (财预〔2025〕41号) in 公开05表; no catalog we hold names its 款 21704',
    inputs: (inputs) => void inputs['公开05表'].codes.add('2170404'),
    added: ['R-I03 公开05表 21704 - warning', 'R-X17 公开05表 2170404 - warning'],
  },
];

/** Last year's file: the seed with 财政拨款收入 keyed as Σ 项, so every closing balance is exactly 0. */
function lastYearInputs(): YearInputs {
  const inputs = seedInputs();
  setInput(inputs, '公开04表', '1', '1', '3383.80');
  return inputs;
}

describe('each rule reports a planted violation at its cell, and nothing else changes', () => {
  it('covers every rule of the 9-table set', () => {
    const declared = RULE_SETS.find((set) => set.id === '9/2020')!.rules.map((rule) => rule.id);
    expect(CASES.map((c) => c.rule)).toEqual(declared);
  });

  it.each(CASES.map((c) => [c.rule, c.how, c] as const))('%s: %s', (_rule, _how, c) => {
    const crossYear = c.lastYear !== undefined;
    const base: Partial<ValidateOptions> = crossYear ? { baseline: modelOf(lastYearInputs()), ...c.options } : { ...c.options };
    const start = seedInputs();
    c.base?.(start);
    const before = validate(modelOf(start), base);

    const inputs = seedInputs();
    c.base?.(inputs);
    c.inputs?.(inputs);
    let model = modelOf(inputs) as ReturnType<typeof modelOf> | ReturnType<typeof withOverrides>;
    if (c.overrides) model = withOverrides(model, c.overrides);
    const options: Partial<ValidateOptions> = { ...base };
    if (c.lastYear) {
      const ly = lastYearInputs();
      c.lastYear(ly);
      options.baseline = modelOf(ly);
    }
    if (c.supp) options.supp = c.supp;
    if (c.printed) options.printed = c.printed;
    if (c.printedNames) options.printedNames = c.printedNames;

    const after = validate(model, options);
    const change = difference(before, after);
    // Every message the planted mistake raises says where, what was expected, what was found and what to do.
    const shapes = after.filter((finding) => change.added.includes(tag(finding))).map((finding) => [finding.message, missingFromMessage(finding, model)]);
    expect(shapes.filter(([, missing]) => missing.length)).toEqual([]);
    expect(change.added.sort()).toEqual([...c.added].sort());
    expect(change.removed.sort()).toEqual([...(c.removed ?? [])].sort());
    if (c.added.length) expect(change.added.some((t) => t.startsWith(`${c.rule} `))).toBe(true);
  });

  it('P-02 reports a partly matching 功能 item with the remaining difference', () => {
    const inputs = seedInputs();
    for (const table of ['公开02表', '公开03表', '公开05表']) setInput(inputs, table, '2080506', '2', '1');
    const finding = validate(modelOf(inputs)).find((f) => f.key === 'P-02|公开06表|30109|1')!;
    expect(finding).toMatchObject({ expected: '1.00', actual: '2.32' });
    expect(finding.message).toContain('相差 1.32');
  });
});
