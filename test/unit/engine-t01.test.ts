import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../shared/money';
import { TABLES, YearModel, cellKey, emptyInputs, type FixedTableDef } from '../../shared/tables';

const T01 = TABLES.get('公开01表') as FixedTableDef;

describe('公开01表 declaration (SPEC §1.1)', () => {
  it('has 62 rows with 行次 1–62 and the printed labels', () => {
    expect(T01.rows.map((row) => row.key)).toEqual(Array.from({ length: 62 }, (_, i) => String(i + 1)));
    const label = (key: string) => T01.rows.find((row) => row.key === key)!.label;
    expect(label('1')).toBe('一、一般公共预算财政拨款收入');
    expect(label('27')).toBe('本年收入合计');
    expect(label('31')).toBe('总 计');
    expect(label('32')).toBe('一、一般公共服务支出');
    expect(label('49')).toBe('十八、自然资源海洋气象等支出');
    expect(label('57')).toBe('二十六、抗疫特别国债安排的支出');
    expect(label('60')).toBe('年末结转和结余');
    expect(T01.sides.map((side) => side.rows.length)).toEqual([31, 31]);
  });

  it('marks exactly r28, r29, r59, r60 as input', () => {
    const inputs = T01.rows.filter((row) => Object.values(row.cells).some((rule) => rule.role === 'input')).map((row) => row.key);
    expect(inputs).toEqual(['28', '29', '59', '60']);
  });

  it('computes totals from inputs and treats empty as empty', () => {
    const inputs = { '公开01表': emptyInputs() };
    const model = new YearModel(TABLES, inputs, () => undefined);
    expect(model.value('公开01表', '31', '1')).toBeNull();
    inputs['公开01表'].cells.set(cellKey('28', '1'), parseAmount('12.34')!);
    inputs['公开01表'].cells.set(cellKey('29', '1'), parseAmount('0.06')!);
    model.invalidate();
    expect(model.value('公开01表', '31', '1')).toBe(124_000);
  });
});
