/**
 * A 功能分类 code as real workbooks print it: one cell (2010301, or the number 2010301), or three
 * cells 类 | 款 | 项 (201 | 06 | 01, the 款 and 项 often stored as the numbers 6 and 1, the 类 left
 * blank under a printed 类 line). Parts are joined under the 类 / 款 read on the lines above.
 */

export interface CodeContext {
  /** The 类 (3 digits) and 款 (5 digits) of the last code read above this line. */
  class: string;
  section: string;
}

const digits = (text: string) => /^\d+$/.test(text);
/** A 款 or 项 part stored as a number loses its leading zero: 6 → 06. */
const two = (text: string) => text.padStart(2, '0');

/**
 * The code a line's parts spell, '' when the line prints none, or the raw text when it cannot be a
 * code (the caller says why: it must not be dropped silently).
 */
export function joinCode(parts: readonly string[], above: CodeContext): string {
  const [klass = '', section = '', item = ''] = parts.map((part) => part.trim());
  const given = [klass, section, item].filter(Boolean);
  if (!given.length) return '';
  if (!given.every(digits)) return given.join('');
  // One column holding the whole code, whichever part column it sits in.
  if (given.length === 1 && [3, 5, 7].includes(given[0].length) && (klass || given[0].length > 2)) return given[0];
  if (section.length > 2 || item.length > 2) return given.join('');
  if (item) {
    const prefix = klass ? `${klass}${two(section || above.section.slice(3))}` : section ? `${above.class}${two(section)}` : above.section;
    return `${prefix}${two(item)}`;
  }
  if (section) return `${klass || above.class}${two(section)}`;
  return klass;
}
