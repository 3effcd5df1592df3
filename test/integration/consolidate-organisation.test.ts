/**
 * A 汇总's 决算公开 drafts its 决算单位构成 from the units it consolidated (本级 first, then as
 * consolidated; a 节点汇总's units in its place); the clerk's written text wins; a unit's own year
 * keeps the empty 【请填写…】 paragraph. Real year files, the real report JSON and Word document.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import { planConsolidation, writeConsolidation } from '../../electron/core/consolidate';
import { unpackZip } from '../../electron/core/xlsx/zip-check';
import { writeUnitFiles } from '../fixtures/unit-files';
import { tempDir } from '../helpers/temp';

type Core = ReturnType<typeof createCore>;
type TextEntry = { key: string; text: string; draft: boolean; generated?: true };

const ORGANISATION = 'profile.organisation';

describe('决算单位构成 of a 汇总', () => {
  const temp = tempDir();
  const at = (name: string) => path.join(temp.dir, name);
  let core: Core;
  const request = (files: string[], unitName = '荆门市行政审批局', unitCode = '158') => ({ files, resolve: at, unitName, unitCode, adjust: 'none' as const });

  async function organisation(file: string): Promise<TextEntry> {
    const json = await core.exportReport({ file, format: 'json' });
    const texts = JSON.parse(Buffer.from(json.dataBase64, 'base64').toString('utf8')).texts as TextEntry[];
    return texts.find((entry) => entry.key === ORGANISATION)!;
  }

  beforeAll(async () => {
    const cells = { 公开01表: { '28': { '1': '1.00' } } };
    // The 本级 is not the first file given: the paragraph lists it first all the same.
    await writeUnitFiles(temp.dir, [
      { file: 'a.sqlite', unitName: '荆门市政务服务中心', unitCode: '158002', tables: cells },
      { file: 'b.sqlite', unitName: '荆门市行政审批局(本级)', unitCode: '158001', tables: cells },
      { file: 'c.sqlite', unitName: '荆门市公共资源交易中心', unitCode: '158003', tables: cells },
    ]);
    writeConsolidation(at('汇总.sqlite'), await planConsolidation(request(['a.sqlite', 'b.sqlite', 'c.sqlite'])));
    writeConsolidation(at('node.sqlite'), await planConsolidation(request(['a.sqlite', 'c.sqlite'], '二级单位汇总', '158100')));
    writeConsolidation(at('top.sqlite'), await planConsolidation(request(['node.sqlite', 'b.sqlite'])));
    core = createCore({ resolveFile: at });
  });
  afterAll(() => {
    core.close();
    temp.cleanup();
  });

  const drafted = '从决算单位构成看,纳入荆门市行政审批局2023年度部门决算编制范围的单位共3个,包括:1.荆门市行政审批局(本级);2.荆门市政务服务中心;3.荆门市公共资源交易中心。';

  it('drafts the paragraph from the units, 本级 first, marked as the program’s draft', async () => {
    expect(await organisation('汇总.sqlite')).toMatchObject({ text: drafted, draft: true, generated: true });
    const docx = await core.exportReport({ file: '汇总.sqlite', format: 'docx', draft: true });
    const xml = unpackZip(Buffer.from(docx.dataBase64, 'base64'), { maxBytes: 1 << 30, maxEntries: 10_000 })
      .find((entry) => entry.name === 'word/document.xml')!
      .data.toString('utf8');
    expect(xml.replace(/<[^>]+>/g, '')).toContain(drafted);
  });

  it('lists a 节点汇总’s units in its place', async () => {
    expect((await organisation('top.sqlite')).text).toBe(drafted);
  });

  it('prints the clerk’s text once written, and the draft again when it is cleared', async () => {
    await core.setReportText({ file: '汇总.sqlite', key: ORGANISATION, text: '本部门下设 2 个二级单位。' });
    expect(await organisation('汇总.sqlite')).toEqual({ key: ORGANISATION, label: '机构设置及决算单位构成', text: '本部门下设 2 个二级单位。', draft: false });
    await core.setReportText({ file: '汇总.sqlite', key: ORGANISATION, text: null });
    expect((await organisation('汇总.sqlite')).generated).toBe(true);
  });

  it('leaves a unit’s own year as it was: nothing drafted', async () => {
    expect(await organisation('b.sqlite')).toEqual({ key: ORGANISATION, label: '机构设置及决算单位构成', text: '', draft: false });
  });
});
