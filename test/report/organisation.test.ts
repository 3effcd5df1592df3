import { describe, expect, it } from 'vitest';
import { organisationDraft } from '../../shared/report';

describe('organisationDraft', () => {
  const units = [
    { unitName: '某县教育局机关', unitCode: '301001' },
    { unitName: '某县第一中学', unitCode: '301002' },
  ];

  it('finds the 本级 by the department’s code and keeps the consolidation order otherwise', () => {
    expect(organisationDraft({ unitName: '某县教育局', unitCode: '301002' }, 2024, units)).toBe(
      '从决算单位构成看,纳入某县教育局2024年度部门决算编制范围的单位共2个,包括:1.某县第一中学(本级);2.某县教育局机关。',
    );
    expect(organisationDraft({ unitName: '某县教育局', unitCode: '301' }, 2024, units)).toBe(
      '从决算单位构成看,纳入某县教育局2024年度部门决算编制范围的单位共2个,包括:1.某县教育局机关;2.某县第一中学。',
    );
  });

  it('reads a “本级” in the department’s or the unit’s name without doubling it', () => {
    expect(organisationDraft({ unitName: '某县教育局(本级)', unitCode: '' }, 2024, [{ unitName: '某县教育局本级', unitCode: '' }])).toBe(
      '从决算单位构成看,纳入某县教育局2024年度部门决算编制范围的单位共1个,包括:1.某县教育局(本级)。',
    );
  });
});
