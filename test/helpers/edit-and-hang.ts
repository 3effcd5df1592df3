/**
 * Child process for the crash test: creates a year file, makes acknowledged edits, reports each
 * acknowledgement on stdout, then hangs with the file open until it is killed.
 */
import { createCore } from '../../electron/core/core';

const [file, count] = [process.argv[2], Number(process.argv[3])];
const core = createCore({ resolveFile: (name) => name });
await core.createYear({ file, fiscalYear: 2024, unitName: '断电测试单位' });
for (let i = 1; i <= count; i++) {
  await core.edit({ file, cells: [{ table: '公开01表', row: '28', col: '1', value: `${i}.01` }, { table: '公开02表', row: '2010301', col: '2', value: `${i}` }] });
  process.stdout.write(`ack ${i}\n`);
}
setInterval(() => undefined, 1000);
