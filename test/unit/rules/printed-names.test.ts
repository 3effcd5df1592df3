/**
 * R-I02: a 科目 row whose printed name names another 科目 is a warning at that row, with the printed
 * and the catalog name and what to do; a former name of the same code says it was renamed; other
 * wordings of the same name are no finding.
 */
import { describe, expect, it } from 'vitest';
import { namesContradict, validateYear, type PrintedNames } from '../../../shared/rules';
import { OPTIONS, modelOf, seedInputs, setInput } from './helpers';

function nameFindings(names: Record<string, Record<string, string>>) {
  const inputs = seedInputs();
  setInput(inputs, '公开02表', '2070101', '1', '5');
  const printedNames: PrintedNames = new Map(Object.entries(names).map(([table, byCode]) => [table, new Map(Object.entries(byCode))]));
  return validateYear(modelOf(inputs), { ...OPTIONS, printedNames }).filter((finding) => finding.rule === 'R-I02');
}

describe('R-I02 科目名称与代码不符', () => {
  it('reports a name that names another 科目, at its row, with both names and what to do', () => {
    const [finding, ...rest] = nameFindings({ 公开02表: { '2010301': '一般行政管理事务' } });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ severity: 'warning', table: '公开02表', row: '2010301', col: '' });
    expect(finding.message).toBe(
      '公开02表 科目 2010301 的名称印为“一般行政管理事务”,而科目表中代码 2010301 的名称是“行政运行”,代码与名称不符。请核对科目代码是否写错:代码有误请删除此行后按正确代码录入,代码无误请点“采用目录名称”',
    );
  });

  it('says that a former name of the same code was renamed', () => {
    const [finding] = nameFindings({ 公开02表: { '207': '文化体育与传媒支出' } });
    expect(finding.row).toBe('207');
    expect(finding.message).toContain('印为“文化体育与传媒支出”,是该科目的旧名称,科目表中该科目已更名为“文化旅游体育与传媒支出”。请点“采用目录名称”');
    // Without 支出 and with the (类) tag it is the same old name.
    expect(nameFindings({ 公开02表: { '207': '文化体育与传媒(类)' } })[0].message).toContain('已更名为“文化旅游体育与传媒支出”');
  });

  it('takes spaces, full-width characters, a trailing 支出 and a shortened name for the same name', () => {
    expect(nameFindings({ 公开02表: { '2010301': ' 行政　运行 ', '2010302': '一般行政管理事务支出', '2010303': '机关服务（本级）', '207': '文化旅游体育与传媒' } })).toEqual([]);
    expect(namesContradict('行政运行支出', '行政运行')).toBe(false);
    expect(namesContradict('机关服务', '行政运行')).toBe(true);
  });

  it('says nothing about a row the table no longer has', () => {
    expect(nameFindings({ 公开08表: { '2010301': '一般行政管理事务' }, 公开02表: { '2999999': '其他' } })).toEqual([]);
  });
});
