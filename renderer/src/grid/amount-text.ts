/**
 * A cell's text, typed or pasted, as an amount's text: both ways in read it alike. Excel's
 * accounting-format zero (" - ") and dashes ("—", "–", "－", "−") are 0, surrounding spaces go,
 * blank clears the cell (null).
 */
export function cellAmountText(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^[-—–－−]+$/.test(trimmed) ? '0' : trimmed;
}
