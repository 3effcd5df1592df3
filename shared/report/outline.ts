/**
 * The 决算公开 document outline per region profile, declared as data: parts, sections and what
 * fills each (generated sentences, the clerk's texts, the annex tables, charts). Observed structures:
 * REFERENCE-2026 §2.4–2.5 (national / Hubei 荆门 seed 002; Sichuan 渠县 and 眉山 seed 000, tables last).
 * The regional table sets' outlines (四川 14, 云南, 内蒙古, 陕西) are in outlines/regional.ts.
 */
import type { FormRegion } from '../forms/regions';
import type { TemplateSet } from '../tables';
import type { AmountStyle } from './format';
import { chart, gen, GLOSSARY_SECTION, TABLES_SECTION } from './outlines/content';
import { REGIONAL_OUTLINES, sichuan14 } from './outlines/regional';
import type { RegionalGeneratorId } from './sections-regional';

export type GeneratorId =
  | 'total'
  | 'income'
  | 'expenditure'
  | 'fiscal'
  | 'gpb'
  | 'basic'
  | 'sangong'
  | 'fund'
  | 'soe'
  | 'admin'
  | 'procurement'
  | 'assets'
  | 'performance'
  | RegionalGeneratorId;

export type ChartId = 'total' | 'income' | 'expenditure' | 'fiscal' | 'gpb' | 'sangong';

export type Content =
  | { kind: 'generated'; generator: GeneratorId; lead?: string }
  /** A (一)-level heading inside a section, before generated sentences it groups. */
  | { kind: 'heading'; text: string }
  | { kind: 'text'; key: string; label: string }
  | { kind: 'tables' }
  | { kind: 'chart'; chart: ChartId }
  | { kind: 'glossary' };

export interface OutlineSection {
  title: string;
  content: Content[];
  /** INFERRED: why the section's wording is not copied from a published disclosure of the region. */
  inferred?: string;
}

export interface OutlinePart {
  title: string;
  sections: OutlineSection[];
}

export interface ReportOutline {
  id: string;
  name: string;
  amountStyle: AmountStyle;
  /** A change vs last year or vs 年初预算 of at least this many percent asks for a 主要原因 (default 10). */
  reasonThreshold: number;
  /**
   * A sentence that needs a 主要原因 and has none blocks the 报送版 document (gate.ts); elsewhere it
   * stays a P-05 warning. The workbook is never blocked by it: the tables are 报送 for 财政审核 and
   * 批复 before the document is written for 公开 (REFERENCE-2026 Q5, the modern cycle).
   */
  requireReasons: boolean;
  /** (三) 具体情况 lists 年初预算 vs 决算 per 类 (湖北 seed 002) or per 项 (广西, 四川). */
  budgetDetail: 'category' | 'item';
  /** "比上年度" (荆门) or "比上年". */
  lastYearWord: string;
  coverLines: string[];
  parts: OutlinePart[];
  /** The “三公” table of 公开09表's layout section 七 reads and the funds it covers (default 公开09表, 财政拨款). */
  sangong?: { table: string; fund: string };
  /** The table sets (sets.ts) whose years use this outline; 通用 and 湖北 have none (chosen by the year's region). */
  templates?: readonly TemplateSet[];
  /** Published disclosures the structure and wording follow. */
  sources?: string[];
}

/** 第三部分 情况说明, sections 一–十 (REFERENCE §2.4 item 3). */
const EXPLANATION: OutlineSection[] = [
  { title: '一、收入支出决算总体情况说明', content: [gen('total'), chart('total')] },
  { title: '二、收入决算情况说明', content: [gen('income'), chart('income')] },
  { title: '三、支出决算情况说明', content: [gen('expenditure'), chart('expenditure')] },
  { title: '四、财政拨款收支决算总体情况说明', content: [gen('fiscal'), chart('fiscal')] },
  { title: '五、一般公共预算财政拨款支出决算情况说明', content: [gen('gpb'), chart('gpb')] },
  { title: '六、一般公共预算财政拨款基本支出决算情况说明', content: [gen('basic')] },
  { title: '七、财政拨款“三公”经费支出决算情况说明', content: [gen('sangong'), chart('sangong')] },
  { title: '八、政府性基金预算支出决算情况说明', content: [gen('fund')] },
  { title: '九、国有资本经营预算支出决算情况说明', content: [gen('soe')] },
  { title: '十、其他重要事项的情况说明', content: [gen('admin'), gen('procurement'), gen('assets'), gen('performance')] },
];

const PROFILE: OutlineSection[] = [
  { title: '一、主要职能', content: [{ kind: 'text', key: 'profile.duties', label: '主要职能' }] },
  { title: '二、机构设置及决算单位构成', content: [{ kind: 'text', key: 'profile.organisation', label: '机构设置及决算单位构成' }] },
  { title: '三、人员情况', content: [{ kind: 'text', key: 'profile.staff', label: '人员情况' }] },
];

const NATIONAL_OUTLINES = {
  /** National 9-table structure; plain amounts as most disclosures print them. */
  通用: {
    id: '通用',
    name: '全国通用',
    amountStyle: 'plain',
    reasonThreshold: 10,
    requireReasons: false,
    budgetDetail: 'item',
    lastYearWord: '比上年',
    coverLines: [],
    parts: [
      { title: '第一部分 部门概况', sections: PROFILE },
      { title: '第二部分 部门决算表', sections: [TABLES_SECTION] },
      { title: '第三部分 部门决算情况说明', sections: EXPLANATION },
      { title: '第四部分 名词解释', sections: [GLOSSARY_SECTION] },
    ],
  },
  /** 湖北 (荆门 seed 002): thousands separators, "比上年度", (三) per 类. */
  湖北: {
    id: '湖北',
    name: '湖北·荆门',
    amountStyle: 'grouped',
    reasonThreshold: 10,
    requireReasons: false,
    budgetDetail: 'category',
    lastYearWord: '比上年度',
    coverLines: [],
    parts: [
      { title: '第一部分 部门概况', sections: PROFILE },
      { title: '第二部分 {Y}年度部门决算表', sections: [TABLES_SECTION] },
      { title: '第三部分 {Y}年度部门决算情况说明', sections: EXPLANATION },
      { title: '第四部分 名词解释', sections: [GLOSSARY_SECTION] },
    ],
  },
  /** 四川 13-table set (渠县, 眉山): 单位概况 → 情况说明 → 名词解释 → 附表 last; 保密审查 lines on the cover. */
  四川: {
    id: '四川',
    name: '四川(13 张表)',
    amountStyle: 'plain',
    reasonThreshold: 10,
    // INFERRED: every change sentence of the Sichuan disclosures gives "主要变动原因是…" (SPEC §5 MS-01…MS-15,
    // 渠县 and 眉山), and Sichuan scores its disclosures (大竹 2024 "部门决算量化评价表", REFERENCE §2.2).
    // 荆门 is not: seed 002 was published with "主要原因:一是……;二是……" left in (SPEC P-03).
    requireReasons: true,
    budgetDetail: 'item',
    lastYearWord: '比上年',
    coverLines: ['保密审查情况:已审查', '部门主要负责人审签情况:已审签'],
    templates: ['13'],
    parts: [
      { title: '第一部分 单位概况', sections: PROFILE },
      { title: '第二部分 部门决算情况说明', sections: EXPLANATION },
      { title: '第三部分 名词解释', sections: [GLOSSARY_SECTION] },
      { title: '第四部分 附表', sections: [TABLES_SECTION] },
    ],
  },
} satisfies Record<string, ReportOutline>;

export const OUTLINES = { ...NATIONAL_OUTLINES, 四川14: sichuan14(NATIONAL_OUTLINES.四川), ...REGIONAL_OUTLINES } satisfies Record<string, ReportOutline>;

export type OutlineId = keyof typeof OUTLINES;

/** The outline a year uses: a regional set's own (四川 13/14, 云南, 内蒙古, 陕西); otherwise by the year's region (荆门 → 湖北). */
export function outlineFor(template: TemplateSet, region: FormRegion): ReportOutline {
  const regional = Object.values(OUTLINES).find((outline: ReportOutline) => outline.templates?.includes(template));
  if (regional) return regional;
  return region === '荆门' ? OUTLINES.湖北 : OUTLINES.通用;
}
