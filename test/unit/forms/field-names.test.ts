/** A 自评表 finding's field as the printed 审核说明 names it (shared/forms/field-names.ts). */
import { describe, expect, it } from 'vitest';
import { fieldName } from '../../../shared/forms/field-names';

describe('fieldName', () => {
  it('names indicator cells, funding cells, base data and fields of the form itself', () => {
    expect(fieldName('indicators[9].actual_raw')).toBe('第10项指标 实际完成值');
    expect(fieldName('indicators[0]')).toBe('第1项指标');
    expect(fieldName('funding[TOTAL].budget_adjusted')).toBe('合计 调整后预算数');
    expect(fieldName('funding[GPB].actual')).toBe('一般公共预算拨款 执行数');
    expect(fieldName('base_data[2].value3')).toBe('基础数据第3行');
    expect(fieldName('total_score')).toBe('自评得分');
    expect(fieldName('objective')).not.toMatch(/[a-z_]/);
    expect(fieldName('objective')).not.toBe('');
  });
});
