/**
 * Fast paths of the form checks against the plain definitions they replace (issue 18: 审核 with 50
 * forms): character counts, full-width conversion, layout lookups derived once per profile, and
 * parsed 指标值/完成值 kept between runs.
 */
import { describe, expect, it, vi } from 'vitest';
import { toHalfWidth } from '../../../shared/forms/decimal';
import { charCount } from '../../../shared/forms/rule-messages';
import { PROFILES, baseDataGroups, fundingRows, textSections } from '../../../shared/forms/profiles';

/** Text mixing what clerks type: Chinese, full-width digits and signs, spaces of both widths, emoji (surrogate pairs) and broken halves. */
function randomText(next: () => number): string {
  const pieces = ['决', '算', 'a', '1', '１', '．', '－', '％', '＋', ' ', '\u3000', '\t', '\n', '😀', '𠀀', '\ud83d', '\ude00', '.', '-', '%'];
  let text = '';
  const length = Math.floor(next() * 30);
  for (let i = 0; i < length; i++) text += pieces[Math.floor(next() * pieces.length)];
  return text;
}

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('form check fast paths', () => {
  it('count characters as the code points of the text without spaces, for any text', () => {
    const next = random(18);
    for (let i = 0; i < 20_000; i++) {
      const text = randomText(next);
      expect(charCount(text), JSON.stringify(text)).toBe([...text.replace(/\s+/g, '')].length);
    }
  });

  it('turn full-width digits, dot, minus, percent, plus and spaces half-width, and leave other text as it is', () => {
    const byReplace = (text: string) => text.replace(/[\uFF10-\uFF19\uFF0E\uFF0D\uFF05\uFF0B]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
    const next = random(7);
    for (let i = 0; i < 5_000; i++) {
      const text = randomText(next);
      expect(toHalfWidth(text)).toBe(byReplace(text));
    }
    expect(toHalfWidth('１２．５％')).toBe('12.5%');
  });

  it('derive each profile’s funding rows, text sections and base-data groups from its layout, the same every call', () => {
    for (const profile of Object.values(PROFILES)) {
      expect(fundingRows(profile)).toEqual(profile.layout.flatMap((b) => (b.kind === 'funding' ? b.rows : [])));
      expect(textSections(profile)).toEqual(profile.layout.filter((b) => b.kind === 'text' || b.kind === 'list'));
      expect(baseDataGroups(profile)).toEqual(profile.layout.flatMap((b) => (b.kind === 'base-data' ? b.groups : [])));
      expect(fundingRows(profile)).toBe(fundingRows(profile));
    }
  });
});

describe('parsed 指标值 and 完成值 kept between runs', () => {
  /** Cells as clerks write them, with and without a unit column; pairs whose unit and text run together ("个" + "5" vs "" + "个5"). */
  function cells(next: () => number): [string, string | null][] {
    const texts = ['5', '≥95%', '95%以上', '2个工作日以内', '不低于 3 次', '2023年12月', '完成', '１２．５万元', '33.%', '个5', '5个', '', ' ', '达到预期。'];
    const units = [null, '', '%', '个', '百分比', '次', '个5'];
    return Array.from({ length: 400 }, () => {
      const text = texts[Math.floor(next() * texts.length)] + (next() < 0.3 ? randomText(next) : '');
      return [text, units[Math.floor(next() * units.length)]];
    });
  }

  it('read the same whatever was parsed before, in any order', async () => {
    const pairs = cells(random(22));
    const { parseIndicatorValue } = await import('../../../shared/forms/indicators');
    const forward = pairs.map(([text, unit]) => structuredClone(parseIndicatorValue(text, unit)));
    // A fresh module instance (nothing kept) parses the same cells backwards.
    vi.resetModules();
    const fresh = (await import('../../../shared/forms/indicators')).parseIndicatorValue;
    const backward = [...pairs].reverse().map(([text, unit]) => fresh(text, unit)).reverse();
    pairs.forEach(([text, unit], i) => expect(backward[i], `${JSON.stringify(text)} ${unit}`).toEqual(forward[i]));
    // Asked again, the kept values are unchanged by their readers.
    pairs.forEach(([text, unit], i) => expect(parseIndicatorValue(text, unit)).toEqual(forward[i]));
  });
});
