import type { SubjectType, Variant } from './model';

/**
 * Which form profile a year file uses for project and department self-assessments. The
 * region is chosen per year file and can be changed; regions without a department (or
 * project) form of their own use the national GENERIC-D (or GENERIC) profile for it.
 */
export const FORM_REGIONS = {
  通用: { name: '全国通用', project: 'GENERIC', department: 'GENERIC-D' },
  眉山: { name: '四川·眉山', project: 'MS-P', department: 'GENERIC-D' },
  荆门: { name: '湖北·荆门', project: 'JM-P', department: 'GENERIC-D' },
  玉林: { name: '广西·玉林', project: 'YL-P', department: 'YL-D' },
  大通湖: { name: '湖南·大通湖', project: 'GENERIC', department: 'DTH-D' },
  一体化: { name: '预算管理一体化平台', project: 'YTH-P', department: 'GENERIC-D' },
} as const satisfies Record<string, { name: string; project: Variant; department: Variant }>;

export type FormRegion = keyof typeof FORM_REGIONS;
export const DEFAULT_FORM_REGION: FormRegion = '通用';

export function isFormRegion(value: string): value is FormRegion {
  return Object.hasOwn(FORM_REGIONS, value);
}

export function variantFor(region: FormRegion, subject: SubjectType): Variant {
  return FORM_REGIONS[region][subject];
}

