import { useYearStore } from './use-year-store';

/**
 * A year opened read-only (another program holds it, or its folder is read-only): every control
 * that would change it is read-only or disabled, titled with this line, which names the holder as
 * the line above the tables does. Null when the year can be changed.
 */
export function readOnlyReason(holder: string | null): string | null {
  return holder && `只读打开:${holder}`;
}

export const useReadOnlyReason = () => useYearStore((state) => readOnlyReason(state.readOnly));

export const currentReadOnlyReason = () => readOnlyReason(useYearStore.getState().readOnly);

/** What an attempt to change a read-only year says (typing in a grid cell, a form's keyboard shortcut): short, as the line above the tables says who holds it. */
export const READ_ONLY_REFUSAL = '只读打开:本年度文件不能修改(原因见上方提示),查看、复制、审核和导出不受影响';

/** Props of a button, list or box that changes the year: disabled and titled why while it is read-only (spread last). */
export const disabledWhile = (reason: string | null) => (reason ? { disabled: true, title: reason } : {});
