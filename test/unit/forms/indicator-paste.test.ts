import { describe, expect, it } from 'vitest';
import type { Block } from '../../../shared/forms/profiles';
import { profileFor } from '../../../shared/forms/profiles';
import { addIndicator, newForm } from '../../../renderer/src/features/forms/form-draft';
import { isCellBlock, pasteIndicators } from '../../../renderer/src/features/forms/indicator-paste';

const MS_P = profileFor('MS-P');
const COLUMNS = (MS_P.layout.find((block) => block.kind === 'indicators') as Extract<Block, { kind: 'indicators' }>).columns;
const col = (header: string) => COLUMNS.findIndex((column) => column.header.join('') === header);

/** Three rows as Excel copies them from a printed 指标 table: merged 一级/二级 cells repeat empty. */
const EXCEL_BLOCK = ['产出指标\t数量指标\t道路养护里程\t≥\t120\t公里\t126\t２０\t20', '\t\t桥梁检查座数\t≥\t15\t座\t15\t20\t', '效益指标\t社会效益指标\t道路通行状况\t定性\t良好\t\t良好\t50\t48'].join('\r\n') + '\r\n';

describe('pasting an indicator block from Excel', () => {
  const oneRow = () => addIndicator(newForm('MS-P', 'project', { code: 'P1', name: '测试' }), MS_P, 'ANNUAL', null).form;

  it('fills rows from the focused cell, adding rows, merged levels carried down, full-width digits read', () => {
    expect(isCellBlock('道路养护里程')).toBe(false);
    expect(isCellBlock('道路养护里程\r\n')).toBe(false);
    expect(isCellBlock(EXCEL_BLOCK)).toBe(true);
    const form = pasteIndicators(oneRow(), MS_P, 'ANNUAL', COLUMNS, 0, col('一级指标'), EXCEL_BLOCK);
    expect(form.indicators.map((ind) => [ind.level1, ind.level2, ind.name, ind.nature, ind.target_raw, ind.unit, ind.actual_raw, ind.weight, ind.score ?? null])).toEqual([
      ['产出指标', '数量指标', '道路养护里程', '≥', '120', '公里', '126', '20', '20'],
      ['产出指标', '数量指标', '桥梁检查座数', '≥', '15', '座', '15', '20', null],
      ['效益指标', '社会效益指标', '道路通行状况', '定性', '良好', null, '良好', '50', '48'],
    ]);
  });

  it('starts at the focused column and row, leaving the columns left of it', () => {
    let form = pasteIndicators(oneRow(), MS_P, 'ANNUAL', COLUMNS, 0, col('一级指标'), EXCEL_BLOCK);
    form = pasteIndicators(form, MS_P, 'ANNUAL', COLUMNS, 1, col('三级指标'), '桥梁巡查座数\r\n通行满意度\r\n');
    expect(form.indicators.map((ind) => ind.name)).toEqual(['道路养护里程', '桥梁巡查座数', '通行满意度']);
    expect(form.indicators[2].level1).toBe('效益指标');
  });

  it('refuses the whole block over one bad cell, naming the pasted row and column', () => {
    const before = oneRow();
    const bad = EXCEL_BLOCK.replace('\t50\t48', '\t50%\t48');
    expect(() => pasteIndicators(before, MS_P, 'ANNUAL', COLUMNS, 0, col('一级指标'), bad)).toThrow('粘贴的第 3 行“权重”:“50%”不是有效分值');
    expect(() => pasteIndicators(before, MS_P, 'ANNUAL', COLUMNS, 0, col('一级指标'), EXCEL_BLOCK.replace('社会效益指标', '数量指标'))).toThrow('粘贴的第 3 行“二级指标”:“数量指标”不是“效益指标”下的二级指标');
    expect(() => pasteIndicators(before, MS_P, 'ANNUAL', COLUMNS, 0, col('三级指标'), EXCEL_BLOCK)).toThrow('粘贴的指标有 9 列,从“三级指标”往右只有 8 列');
    expect(before.indicators).toHaveLength(1);
  });
});
