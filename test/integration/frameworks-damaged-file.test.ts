/**
 * A year file from elsewhere may hold anything SQLite allows in its frameworks table, as in its
 * cells: a stored framework that is no readable framework is refused by name and in Chinese when
 * the year is opened, never an internal error (JSON parse) or a year that opens and then fails on
 * every export, 审核 and 得分一览.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { FRAMEWORK_DEFS } from '../../shared/forms/framework-entry';
import { coreIn, newYear } from '../fixtures/xlsx/helpers';
import { tempDir } from '../helpers/temp';

async function yearWithStoredFramework(damage: string): Promise<{ dir: string; cleanup(): void }> {
  const temp = tempDir('juesuan-fw-damaged-');
  const core = coreIn(temp.dir);
  await newYear(core, 'a.sqlite', { year: 2023 });
  await core.saveFramework({ file: 'a.sqlite', subject_code: 'P1', framework: FRAMEWORK_DEFS.PROJECT_SPECIAL_MS.seed });
  core.close();
  const db = new Database(path.join(temp.dir, 'a.sqlite'));
  db.exec(damage);
  db.close();
  return temp;
}

describe('a year file whose stored framework is damaged', () => {
  const cases: [string, string][] = [
    ['text that is no JSON', "UPDATE frameworks SET json = '{\"framework\": '"],
    ['a framework of another layout', "UPDATE frameworks SET json = json_set(json, '$.items[0].l3', '改过的指标')"],
    ['a block the framework does not have', "UPDATE frameworks SET json = json_set(json, '$.chosen', json('{\"专用指标\":\"不存在的方向\"}'))"],
    ['a kind the app does not know', "UPDATE frameworks SET kind = 'UNKNOWN'"],
  ];
  it.each(cases)('%s: opening the year says which framework of which file cannot be read', async (_, damage) => {
    const temp = await yearWithStoredFramework(damage);
    try {
      const core = coreIn(temp.dir);
      const opening = core.openYear({ file: 'a.sqlite' });
      await expect(opening).rejects.toMatchObject({ kind: 'unreadable' });
      await expect(opening).rejects.toThrow(/^年度文件已损坏:评价指标体系“[^”]+-P1”无法读取\(.+\):.*a\.sqlite$/);
      core.close();
    } finally {
      temp.cleanup();
    }
  });
});
