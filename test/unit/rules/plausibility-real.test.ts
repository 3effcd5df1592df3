/**
 * P-01 and P-02 re-derived from what real departments do (issue 17): what most real files show is
 * no finding, what a misclassification shows still is.
 */
import { describe, expect, it } from 'vitest';
import { modelOf, seedInputs, setInput, tag, validate } from './helpers';

const plausibility = (inputs: ReturnType<typeof seedInputs>) => validate(modelOf(inputs)).map(tag).filter((text) => /^P-0[12] /.test(text)).sort();
const SEED = ['P-01 公开03表 2010302 2 warning', 'P-02 公开06表 30108 1 warning'];

describe('P-01', () => {
  it('项目支出 under 行政运行 (运转类项目, common in real files) is no finding', () => {
    const inputs = seedInputs();
    for (const table of ['公开03表', '公开05表']) {
      setInput(inputs, table, '2010301', '3', '5');
      setInput(inputs, table, '2010302', '3', '1603.07');
    }
    expect(plausibility(inputs)).toEqual(SEED);
  });
});

describe('P-02', () => {
  it('compares only with 功能 items the department uses: 离退休费 booked under 行政运行 is no finding', () => {
    const inputs = seedInputs();
    setInput(inputs, '公开06表', '30302', '1', '40');
    expect(plausibility(inputs)).toEqual(SEED);
  });

  it('离退休费 may be less than 2080501 + 2080502 (they carry the retirees’ other costs), never more', () => {
    const inputs = seedInputs();
    for (const table of ['公开02表', '公开03表', '公开05表']) setInput(inputs, table, '2080501', '2', '30');
    setInput(inputs, '公开06表', '30302', '1', '20');
    expect(plausibility(inputs)).toEqual(SEED);
    setInput(inputs, '公开06表', '30302', '1', '35');
    const findings = validate(modelOf(inputs)).filter((finding) => finding.key === 'P-02|公开06表|30302|1');
    expect(findings.map((finding) => finding.message)).toEqual(['公开06表 离休费与退休费 35.00 大于 公开05表 行政、事业单位离退休 基本支出 30.00,超出 5.00:离退休费应列在离退休功能科目中,请核实科目']);
  });
});
