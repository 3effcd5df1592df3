/** The `printed` part of an `edit` call (采用计算值, one or all, and their undo) is checked like every argument. */
import { describe, expect, it } from 'vitest';
import { checkCall } from '../../shared/contract';

const call = (printed: unknown) => () => checkCall('edit', { file: '2023.sqlite', printed });

describe('edit: printed', () => {
  it('takes cells to forget (null) or to put back (an amount as text)', () => {
    const printed = [
      { table: '公开02表', row: '201', col: '1', value: null },
      { table: '表三', row: '合计', col: '2', value: '3,249.78' },
    ];
    expect(call(printed)()).toEqual({ method: 'edit', args: { file: '2023.sqlite', printed } });
  });

  it('refuses anything else, naming the argument', () => {
    for (const bad of [
      [{ table: '公开02表', row: '201', col: '1', value: 12 }],
      [{ table: '公开02表', row: '201', col: '1' }],
      [{ table: '公开02表', row: 'x'.repeat(41), col: '1', value: null }],
      [{ table: '公开02表', row: '201', col: '1', value: null, extra: true }],
      { table: '公开02表', row: '201', col: '1', value: null },
    ]) {
      expect(call(bad), JSON.stringify(bad)).toThrow(/printed/);
    }
  });
});
