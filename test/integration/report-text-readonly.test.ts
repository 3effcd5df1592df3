import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import { smallDisk, type SmallDisk } from '../helpers/small-disk';

let disk: SmallDisk | { unavailable: string };
beforeAll(() => { disk = smallDisk(4); });
afterAll(() => { if ('dir' in disk) disk.cleanup(); });

/** Every write of a year file goes through the store's guard: 决算公开 texts too, not only cells and forms. */
it('a 决算公开 text typed in a read-only folder is refused in words', async (context) => {
  if (!('dir' in disk)) return context.skip(disk.unavailable);
  const file = path.join(disk.dir, 'ro.sqlite');
  const core = createCore({ resolveFile: (name) => name });
  await core.createYear({ file, fiscalYear: 2023, unitName: '只读测试单位' });
  core.close();
  disk.readOnly(true);
  try {
    const reader = createCore({ resolveFile: (name) => name });
    const error = await reader.setReportText({ file, key: 'profile.duty', text: '主要职能' }).catch((e: Error) => e);
    expect((error as Error).message).toBe('文件夹只读,只能查看和导出');
    reader.close();
  } finally {
    disk.readOnly(false);
  }
});
