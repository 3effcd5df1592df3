/**
 * A 汇总's confirmed 决算单位构成 is kept over a re-汇总 (the clerk's own work), so when the units
 * change it would name the old set silently: the 审核 flags it (P-07, naming the units added and
 * removed) until the clerk confirms it again or takes the new draft. Real year files through the core.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import { writeUnitFiles } from '../fixtures/unit-files';
import { tempDir } from '../helpers/temp';

const ORGANISATION = 'profile.organisation';

describe('决算单位构成 of a 汇总 after its units change', () => {
  const temp = tempDir();
  const at = (name: string) => path.join(temp.dir, name);
  let core: ReturnType<typeof createCore>;
  const consolidate = (files: string[]) => core.consolidate({ files, unitName: '荆门市行政审批局', unitCode: '158', adjust: 'none', out: '汇总.sqlite' });
  const flagged = async () => (await core.validate({ file: '汇总.sqlite' })).findings.filter((finding) => finding.rule === 'P-07').map((finding) => finding.message);
  const written = '本部门决算由本级和荆门市政务服务中心组成。';

  beforeAll(async () => {
    const cells = { 公开01表: { '28': { '1': '1.00' } } };
    await writeUnitFiles(temp.dir, [
      { file: 'a.sqlite', unitName: '荆门市行政审批局(本级)', unitCode: '158001', tables: cells },
      { file: 'b.sqlite', unitName: '荆门市政务服务中心', unitCode: '158002', tables: cells },
      { file: 'c.sqlite', unitName: '荆门市公共资源交易中心', unitCode: '158003', tables: cells },
    ]);
    core = createCore({ resolveFile: at });
    await consolidate(['a.sqlite', 'b.sqlite']);
  });
  afterAll(() => {
    core.close();
    temp.cleanup();
  });

  it('flags a confirmed text once a unit is added, names it, and clears when confirmed again', async () => {
    await core.setReportText({ file: '汇总.sqlite', key: ORGANISATION, text: written });
    expect(await flagged()).toEqual([]);
    await consolidate(['a.sqlite', 'b.sqlite']);
    expect(await flagged()).toEqual([]);

    await consolidate(['a.sqlite', 'b.sqlite', 'c.sqlite']);
    const snapshot = await core.openYear({ file: '汇总.sqlite' });
    expect(snapshot.reportTexts[ORGANISATION]).toEqual({ text: written, draft: false });
    expect(snapshot.confirmedOrganisation?.map((unit) => unit.unitName)).toEqual(['荆门市行政审批局(本级)', '荆门市政务服务中心']);
    expect(await flagged()).toEqual([
      '情况说明中的“机构设置及决算单位构成”确认后,汇总的单位有变化(新增 荆门市公共资源交易中心),所填文字仍按原来的单位;请在决算公开页核实后再次确认,或采用按现在的汇总单位生成的草稿',
    ]);

    await core.setReportText({ file: '汇总.sqlite', key: ORGANISATION, text: '本部门决算由本级和两个二级单位组成。' });
    expect(await flagged()).toEqual([]);
  });

  it('flags a removed unit, and clears when the clerk takes the new draft', async () => {
    await consolidate(['a.sqlite']);
    expect(await flagged()).toEqual([expect.stringContaining('(减少 荆门市政务服务中心、荆门市公共资源交易中心)')]);
    await core.setReportText({ file: '汇总.sqlite', key: ORGANISATION, text: null });
    expect(await flagged()).toEqual([]);
    expect((await core.openYear({ file: '汇总.sqlite' })).confirmedOrganisation).toBeUndefined();
  });

  it('flags a text confirmed before the units were kept with it, against the units the 汇总 had then', async () => {
    await consolidate(['a.sqlite', 'b.sqlite']);
    await core.setReportText({ file: '汇总.sqlite', key: ORGANISATION, text: written });
    core.close();
    // As a 汇总 made by an earlier version keeps it: the text without the units it was confirmed for.
    const db = new Database(at('汇总.sqlite'));
    db.prepare("DELETE FROM meta WHERE key = 'organisation_units'").run();
    db.close();
    core = createCore({ resolveFile: at });
    expect(await flagged()).toEqual([]);
    await consolidate(['b.sqlite', 'c.sqlite']);
    expect(await flagged()).toEqual([expect.stringContaining('(新增 荆门市公共资源交易中心;减少 荆门市行政审批局(本级))')]);
  });
});
