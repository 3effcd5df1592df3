/** The sentence grammar on planted data: zero bases, decreases, empty 基金, the Sichuan 13-table outline. */
import { describe, expect, it } from 'vitest';
import { functionName } from '../../shared/catalog';
import { parseAmount } from '../../shared/money';
import { parseSupplementary } from '../../shared/rules';
import { OUTLINES, buildReport, percentHundredths, percentText, sentenceText, toMarkdown, type ReportOutline } from '../../shared/report';
import { TABLES, YearModel, cellKey, inputsFromDocs, type YearInputs } from '../../shared/tables';
import { SEED_002_INPUTS } from '../fixtures/seed-002';

const seedInputs = (): YearInputs => inputsFromDocs(structuredClone(SEED_002_INPUTS) as never);
const set = (inputs: YearInputs, table: string, row: string, col: string, value: string) => {
  inputs[table].cells.set(cellKey(row, col), parseAmount(value)!);
  if (/^\d{7}$/.test(row) && TABLES.get(table)!.kind === 'functional') inputs[table].codes.add(row);
};
const model = (inputs: YearInputs) => new YearModel(TABLES, inputs, functionName);

function text(inputs: YearInputs, options: { lastYear?: YearInputs; supp?: Record<string, string>; outline?: ReportOutline; template?: '9' | '13' } = {}) {
  const built = buildReport(
    { fiscalYear: 2023, unitName: '某单位', model: model(inputs), lastYear: options.lastYear && model(options.lastYear), supp: parseSupplementary(options.supp ?? {}), texts: {} },
    options.outline ?? OUTLINES.湖北,
    { template: options.template ?? '9', numbering: '公开' },
  );
  return { built, all: built.doc.blocks.flatMap((block) => (block.kind === 'paragraph' ? block.sentences.map(sentenceText) : [])).join('\n') };
}

describe('percentages', () => {
  it('round |part| ÷ |base| half away from zero to 0.01%, exactly, for any stored amounts', () => {
    let seed = 7;
    const random = (max: number) => ((seed = (seed * 16807) % 2147483647), seed % max);
    for (let i = 0; i < 5000; i++) {
      const part = random(2_000_000_000) * (random(2) ? 1 : -1);
      const base = 1 + random(2_000_000_000);
      const h = percentHundredths(part, base)!;
      // h is the integer nearest to |part| × 10000 ÷ base (ties up): |h·base − |part|·10000| ≤ base/2.
      const twice = 2n * (h * BigInt(base) - BigInt(Math.abs(part)) * 10_000n);
      expect(twice <= BigInt(base) && twice > -BigInt(base)).toBe(true);
    }
    expect(percentText(12_105_200, 21_732_700)).toBe('55.70');
    expect(percentText(5, 0)).toBeNull();
  });
});

describe('the sentences', () => {
  it('names each 自评 project once as a 项目, whether or not its name ends in 项目', () => {
    const built = buildReport(
      {
        fiscalYear: 2025,
        unitName: '某单位',
        model: model(seedInputs()),
        supp: parseSupplementary({}),
        texts: {},
        performance: [
          { name: '政务信息化系统建设和运维项目', budget: 19_544_100, spent: 7_108_100, score: '93.64', grade: '一等' },
          { name: '行政审批事务管理', budget: 739_000, spent: 376_400, score: null, grade: null },
        ],
      },
      OUTLINES.湖北,
      { template: '9', numbering: '公开' },
    );
    const all = built.doc.blocks.flatMap((block) => (block.kind === 'paragraph' ? block.sentences.map(sentenceText) : [])).join('\n');
    expect(all).toContain('1.政务信息化系统建设和运维项目:全年预算数为1,954.41万元');
    expect(all).toContain('2.行政审批事务管理项目:全年预算数为73.90万元');
    expect(all).not.toContain('项目项目');
  });

  it('never rates a change on a zero base, says decreases as 减少/下降 and zero plainly', () => {
    const last = seedInputs();
    // Last year: no 教育支出 at all; 社会保障和就业 200.59 (76.57 ÷ 200.59 = 38.17%).
    last['公开05表'].codes.delete('2050802');
    last['公开05表'].cells.delete(cellKey('2050802', '3'));
    set(last, '公开05表', '2080505', '2', '200');
    const { all } = text(seedInputs(), { lastYear: last });
    expect(all).toContain('2.教育支出10.00万元,占一般公共预算财政拨款支出的0.30%,上年无此项资金。');
    expect(all).toContain('3.社会保障和就业支出124.02万元,占一般公共预算财政拨款支出的3.67%,比上年度减少76.57万元,下降38.17%。');
    expect(all).not.toMatch(/上年无此项资金[^。]*增长/);
    expect(all).not.toMatch(/增长Infinity|NaN|undefined/);
  });

  it('drops the completion rate when 年初预算 is 0 and asks for a reason instead', () => {
    const { built, all } = text(seedInputs(), { supp: { 'gpb_initial_budget_by_code.201': '3686.57', 'gpb_initial_budget_by_code.205': '0' } });
    expect(all).toContain('教育支出。年初预算为0.00万元,支出决算为10.00万元,主要原因:【请填写主要原因】。');
    expect(all).not.toMatch(/完成年初预算的(Infinity|NaN)/);
    const education = built.doc.blocks.flatMap((block) => (block.kind === 'paragraph' ? block.sentences : [])).find((sentence) => sentence.id === 'gpb.budget.205')!;
    expect(education.reason?.needed).toBe(true);
  });

  it('says plainly when a year has no 政府性基金, and describes one when it has', () => {
    expect(text(seedInputs()).all).toContain('本单位当年无政府性基金预算财政拨款收入支出。');
    const inputs = seedInputs();
    set(inputs, '公开07表', '2080801', '2', '50');
    set(inputs, '公开07表', '2080801', '5', '40');
    const { all } = text(inputs);
    expect(all).toContain('2023年度政府性基金预算财政拨款支出40.00万元。');
    expect(all).not.toContain('本单位当年无政府性基金');
  });

  it('prints without a baseline no "比上年" clause and no reason request', () => {
    const { built, all } = text(seedInputs());
    expect(all).not.toContain('比上年');
    expect(built.doc.blocks.flatMap((block) => (block.kind === 'paragraph' ? block.sentences : [])).some((sentence) => sentence.reason?.needed)).toBe(false);
  });

  it('lays a Sichuan 13-table year out with 表一…表十三 as 附表 after the 名词解释', () => {
    const { built } = text(seedInputs(), { outline: OUTLINES.四川, template: '13' });
    const headings = built.doc.blocks.flatMap((block) => (block.kind === 'heading' && block.level === 1 ? [block.text] : []));
    expect(headings).toEqual(['第一部分 单位概况', '第二部分 部门决算情况说明', '第三部分 名词解释', '第四部分 附表']);
    const tables = built.doc.blocks.flatMap((block) => (block.kind === 'table' ? [block.label] : []));
    expect(tables).toHaveLength(13);
    expect(tables[0]).toBe('表一');
    expect(tables[12]).toBe('表十三');
    expect(built.doc.coverLines).toContain('保密审查情况:已审查');
    const md = toMarkdown(built.doc, model(seedInputs()));
    expect(md).toContain('**表五 财政拨款支出决算明细表**');
    // Plain amounts in Sichuan wording.
    expect(md).toContain('收、支总计3383.79万元');
  });
});
