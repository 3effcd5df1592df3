/**
 * Versioned definitions: a year file pins the definitions edition it was created with, so definitions
 * shipped later (here: a later edition that renames and retires codes of the file's own year, the
 * worst case) leave an existing file's dump, names and 审核 findings exactly as they were; a 项 code
 * retired by a later catalog is reported, with its replacement, when last year is carried forward.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catalogFor, currentEdition, FIRST_EDITION, registerCatalogChange } from '../../shared/catalog';
import { CURRENT_EDITION } from '../../shared/catalog/versions';
import { createCore, inDataDir } from '../../electron/core/core';
import { seed002Doc } from '../fixtures/seed-002';
import { tempDir } from '../helpers/temp';

let temp: ReturnType<typeof tempDir>;
beforeEach(() => {
  temp = tempDir();
});
afterEach(() => temp.cleanup());

const newCore = () => createCore({ resolveFile: inDataDir(temp.dir), dataDir: temp.dir });

/** Everything a file means to the clerk: its interchange dump, the printed row labels and the findings. */
async function meaning(file: string) {
  const core = newCore();
  try {
    const dump = await core.dump({ file });
    const labels = (await core.getTable({ file, table: '公开02表' })).rows.map((row) => `${row.row} ${row.label}`);
    const findings = (await core.validate({ file })).findings.map((f) => `${f.rule}|${f.table}|${f.row}|${f.col}|${f.message}`);
    const info = (await core.openYear({ file })).info;
    return { dump, labels, findings, edition: info.definitionsEdition };
  } finally {
    core.close();
  }
}

describe('definitions edition of a year file', () => {
  it('a 2023 file is identical after later definitions ship; a new file takes them', async () => {
    const core = newCore();
    await core.createYear({ file: '2023.sqlite', fiscalYear: 2023, unitName: '荆门市行政审批局(本级)' });
    await core.load({ file: '2023.sqlite', doc: seed002Doc() });
    core.close();
    const before = await meaning('2023.sqlite');
    expect(before.edition).toBe(currentEdition());
    expect(before.labels.some((label) => label.startsWith('2010301 ') && label.includes('行政运行'))).toBe(true);

    // A later release: renames 2010301 and retires 2010306 for every year from 2020, and adds a 2025 version.
    const later = currentEdition() + 1;
    registerCatalogChange({
      fromYear: 2020,
      edition: later,
      basis: '测试:后续定义版本',
      rename: [{ code: '2010301', name: '机关运行保障', formerNames: ['行政运行'], source: 'document' }],
      retire: [{ code: '2010306', replacedBy: '2010302' }],
    });
    registerCatalogChange({ fromYear: 2025, edition: later + 1, basis: '测试:2025 年版本', add: [{ code: '2010398', name: '测试新增科目', source: 'document' }] });

    const after = await meaning('2023.sqlite');
    expect(after).toEqual(before);

    // A file created now records the newest edition: the renamed name, the retirement and the 2025 addition (from 2025 only) apply to it.
    const fresh = newCore();
    await fresh.createYear({ file: 'new.sqlite', fiscalYear: 2023, unitName: '荆门市行政审批局(本级)' });
    fresh.close();
    expect((await meaning('new.sqlite')).edition).toBe(later + 1);
    expect(catalogFor(2023, later).functionName('2010301')).toBe('机关运行保障');
    expect(catalogFor(2023, later).retired('2010306')).toEqual({ replacedBy: '2010302' });
    expect(catalogFor(2023, before.edition).functionName('2010301')).toBe('行政运行');
    expect(catalogFor(2024, later + 1).isKnownFunctionCode('2010398')).toBe(false);
    expect(catalogFor(2025, later + 1).functionName('2010398')).toBe('测试新增科目');
  });

  it('a file from before editions were recorded reads as the first edition', async () => {
    const core = newCore();
    await core.createYear({ file: 'old.sqlite', fiscalYear: 2023, unitName: '单位' });
    core.close();
    const db = new Database(path.join(temp.dir, 'old.sqlite'));
    db.prepare("DELETE FROM meta WHERE key = 'definitions_edition'").run();
    db.close();
    const reopened = newCore();
    expect((await reopened.openYear({ file: 'old.sqlite' })).info.definitionsEdition).toBe(FIRST_EDITION);
    // 2010305 专项业务活动 came with edition 2: the first-edition file still needs a name for it, as before.
    await expect(reopened.edit({ file: 'old.sqlite', addCodes: [{ table: '公开02表', code: '2010305' }] })).rejects.toThrow(/2010305 不在本年度功能分类科目表中/);
    reopened.close();
    expect(fs.existsSync(path.join(temp.dir, 'old.sqlite'))).toBe(true);
  });

  it('carrying last year forward reports a retired 项 code with its replacement and adds the new row', async () => {
    const later = currentEdition() + 1;
    registerCatalogChange({ fromYear: 2027, edition: later, basis: '测试:2027 年科目调整', retire: [{ code: '2010303', replacedBy: '2010350' }, { code: '2011308' }] });
    const core = newCore();
    await core.createYear({ file: '2026.sqlite', fiscalYear: 2026, unitName: '单位' });
    await core.edit({
      file: '2026.sqlite',
      addCodes: [{ table: '公开07表', code: '2010303' }, { table: '公开07表', code: '2011308' }],
      cells: [
        { table: '公开07表', row: '2010303', col: '2', value: '10' },
        { table: '公开07表', row: '2011308', col: '2', value: '5' },
      ],
    });
    core.close();
    // Last year's file is read in the parse worker, which has the shipped definitions only (the changes
    // registered here live in this thread): it must record an edition the worker knows, as it would
    // when made by the release before.
    const db = new Database(path.join(temp.dir, '2026.sqlite'));
    db.prepare("UPDATE meta SET value = ? WHERE key = 'definitions_edition'").run(String(CURRENT_EDITION));
    db.close();
    const bytes = fs.readFileSync(path.join(temp.dir, '2026.sqlite'));
    const next = newCore();
    await next.createYear({ file: '2027.sqlite', fiscalYear: 2027, unitName: '单位' });
    const preview = await next.previewImport({ file: '2027.sqlite', name: '2026.sqlite', dataBase64: bytes.toString('base64'), baseline: true });
    expect(preview.errors).toEqual([]);
    expect(preview.warnings).toContain('公开07表:上年科目 2010303 机关服务 在 2027 年功能分类科目表中已停用,由 2010350 事业运行 替代,已带入新科目行');
    expect(preview.warnings.some((w) => w.startsWith('公开07表:上年科目 2011308') && w.includes('没有对应的新科目,未带入'))).toBe(true);
    await next.importWorkbook({ file: '2027.sqlite', name: '2026.sqlite', dataBase64: bytes.toString('base64'), baseline: true });
    const codes = (await next.openYear({ file: '2027.sqlite' })).tables['公开07表'].codes;
    expect(codes).toContain('2010350');
    expect(codes).not.toContain('2010303');
    expect(codes).not.toContain('2011308');
    // Code continuity (R-Y04): the retired code with a replacement is mapped; the one without is flagged.
    const y04 = (await next.validate({ file: '2027.sqlite' })).findings.filter((f) => f.rule === 'R-Y04').map((f) => f.row);
    expect(y04).toEqual(['2011308']);
    next.close();
  });
});
