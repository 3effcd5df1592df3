import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import { tempDir } from '../helpers/temp';

describe('acknowledged edits survive a crash', () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it('keeps every acknowledged edit when the process is killed with the file open', async () => {
    const file = path.join(temp.dir, 'crash.sqlite');
    // `--import tsx` runs the script in this very process, so SIGKILL hits the process holding the file.
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/edit-and-hang.ts', file, '25']);
    let output = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        output += chunk;
        // SIGKILL right after the last acknowledgement: no close, no checkpoint, no clean shutdown.
        if (output.includes('ack 25\n')) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', (code) => code !== null && reject(new Error(`child exited early with ${code}`)));
    });
    await new Promise((resolve) => child.on('close', resolve));

    const core = createCore({ resolveFile: (name) => name });
    const t01 = await core.getTable({ file, table: '公开01表' });
    expect(t01.rows.find((row) => row.row === '28')!.cells).toEqual({ '1': '25.01' });
    const t02 = await core.getTable({ file, table: '公开02表' });
    expect(t02.rows.find((row) => row.row === '2010301')!.cells['2']).toBe('25.00');
    core.close();
  });
});
