/** The framework page's input edits: a 例数 is judged on the number typed, in any width. */
import { describe, expect, it } from 'vitest';
import { DTH_SCORE_TABLE_SEED001 } from '../../../shared/forms/framework-seeds';
import { setInput } from '../../../renderer/src/features/forms/framework/framework-edit';

const perCase = DTH_SCORE_TABLE_SEED001.items.findIndex((item) => item.rule?.type === 'per_case');
const name = (DTH_SCORE_TABLE_SEED001.items[perCase].rule as { input: string }).input;
const outcome = (text: string) => setInput(DTH_SCORE_TABLE_SEED001, perCase, name, text);

describe('例数 of a 缺(错)项扣分 item', () => {
  it('takes whole numbers from 0, typed in half or full width', () => {
    for (const text of ['0', '3', '３', ' 12 ']) expect(outcome(text), text).toHaveProperty('json');
  });

  it('refuses fractions and negatives, full-width ones too', () => {
    for (const text of ['1.5', '１．５', '-1', '－１', '2.0']) expect(outcome(text), text).toEqual({ error: '例数须为不小于 0 的整数' });
    expect(outcome('三')).toEqual({ error: '“三”不是数字' });
  });
});
