/**
 * The built-in 科目 catalog as a chain of changes, each tagged with the fiscal year it takes effect
 * and the definitions edition that first shipped it. A year file records the edition it was created
 * with (meta `definitions_edition`; files without it are edition 1), and only the changes of that
 * edition or older apply to it: a 2023 file means the same thing after later editions ship.
 *
 * Every entry names its source: `seed` (printed with its code in a seed document), `official`
 * (the 2023 政府收支分类科目 list in function-codes-2023.json), `inferred` (a name from a seed
 * narrative with its code inferred, SPEC §6.2), `document` (a published change notice quoted in
 * /work/shared/REFERENCE-2026.md §2.3, the issue text, or a notice's text on a stored public page that
 * the change's `basis` names). Codes a notice lists without a name we can
 * source are declared `unnamed`: they are valid codes, and the clerk supplies the name (as for a
 * custom code) until the official catalog workbook is imported, which always overrides.
 */
import type { CodeSource } from './types';

export interface CodeEntry {
  code: string;
  name: string;
  source: CodeSource;
}

export interface CatalogChange {
  /** First fiscal year the change applies to. */
  fromYear: number;
  /** Definitions edition that first shipped this change. */
  edition: number;
  /** Document the change comes from, for the README and the catalog view. */
  basis: string;
  /** New or newly named codes (a code already named keeps its name unless renamed below). */
  add?: CodeEntry[];
  /** Codes listed in the notice whose names we cannot source yet. */
  unnamed?: string[];
  /** Same code, new name; the former names are flagged when an import prints them. */
  rename?: { code: string; name: string; formerNames: string[]; source: CodeSource }[];
  /** Codes that no longer exist from `fromYear`, with the code that replaces each where known. */
  retire?: { code: string; replacedBy?: string }[];
}

/** The edition a newly created year file records. Bump it with every release that adds a change below. */
export const CURRENT_EDITION = 5;

/** Year files created before editions were recorded. */
export const FIRST_EDITION = 1;

export const CATALOG_CHANGES: CatalogChange[] = [
  {
    // Edition 2 completes the 2023 list with 2010305 专项业务活动: SPEC §6.2 infers its code from seed 000
    // at medium confidence and the issue text confirms it. 2121399 (medium) stays out because no source
    // names its 款 21213; 2120803 (low confidence) stays out. Common codes seen in real imports (2010607, 2111101–2111103,
    // 2120399, 22198, 2240299) have no name in any source we hold: they remain 自定义 until the official
    // catalog workbook is imported (edition 3 makes them valid, name 待核).
    // Completes the base list, so it applies to every year the base does.
    fromYear: 2000,
    edition: 2,
    basis: 'SPEC §6.2 种子文件名词解释(推断代码)',
    add: [
      { code: '2010305', name: '专项业务活动', source: 'inferred' },
    ],
    // 207 was renamed in the 2019 科目; old text keeps leaking into disclosures (REFERENCE-2026 §2.3).
    rename: [{ code: '207', name: '文化旅游体育与传媒支出', formerNames: ['文化体育与传媒支出'], source: 'official' }],
  },
  {
    // The 增补 notice is 财预〔2024〕22号 (dated 2024-03-29, published 2024-04-12): its number and full text
    // are reprinted at http://canet.com.cn/fagui/838207.html and https://4455.net.cn/fgk/zfkjzz/202404304432761.shtml.
    fromYear: 2024,
    edition: 2,
    basis: '2024年政府收支分类科目增补(财预〔2024〕22号,2024-03-29)',
    // 220 自然资源海洋气象等支出 already exists as a 一般公共预算 类; the 增补 opens it to 政府性基金.
    // 1030182 and 1100412 are revenue codes (outside the expenditure catalog); 2300412's name is not sourced.
    add: [{ code: '22006', name: '耕地保护考核奖惩基金支出', source: 'document' }],
    unnamed: ['2300412'],
  },
  {
    fromYear: 2025,
    edition: 2,
    basis: '财预〔2025〕41号(2025-05-23)',
    // Special-treasury-bond items. 1030184, 1050303 and 1050305 are revenue/debt codes; the names of the
    // expenditure codes were not in our sources when edition 2 shipped (edition 4 names them).
    unnamed: ['2170404', '22911', '23107'],
  },
  {
    // Edition 3: codes seen in real imports that no source we hold names (searched: REFERENCE-2026, SPEC,
    // codes.json, the seeds, stored public pages and code). They become valid codes whose name the clerk
    // supplies (名称待核) instead of 自定义 codes; the official catalog workbook names them. They are not
    // changes of 财预〔2024〕22号 (the 2024 增补 above), whose full text names none of them.
    fromYear: 2000,
    edition: 3,
    basis: '实际导入中常见、现有资料无名称来源(名称待核)',
    unnamed: ['2010607', '2111101', '2111102', '2111103', '2120399', '22198', '2240299'],
  },
  {
    // Edition 4: the text of the 2024 增补 notice names 2300412 (项 under 23004, named from edition 5), listed
    // unnamed in edition 2.
    fromYear: 2024,
    edition: 4,
    basis: '财预〔2024〕22号正文(转载 http://zk.cxy21.com/statute/11893/detail)',
    add: [{ code: '2300412', name: '自然资源海洋气象等', source: 'document' }],
  },
  {
    // Edition 4: the text of 财预〔2025〕41号 names the three expenditure codes edition 2 listed unnamed. Their
    // 款 21704 and the 项 under 22911 and 23107 are not named there, so they stay as they were. Files of
    // edition 2 and 3 keep the names their clerks supplied.
    fromYear: 2025,
    edition: 4,
    basis: '财预〔2025〕41号正文(中国财政杂志社转载 https://www.zgcznet.com/zt/202507/20250701/j_2025070115553800017513566712341718.html)',
    add: [
      { code: '2170404', name: '中央金融机构注资特别国债支出', source: 'document' },
      { code: '22911', name: '中央金融机构注资特别国债财务基金支出', source: 'document' },
      { code: '23107', name: '中央金融机构注资特别国债还本支出', source: 'document' },
    ],
  },
  {
    // Edition 5: the text of 财预〔2024〕22号 (the 2024 增补) also names the 款 2300412 sits under,
    // “政府性基金转移支付(23004款)”; until now that row of the tables had no name. Its 类 230 is not
    // named there. Files of edition 4 keep the blank.
    fromYear: 2024,
    edition: 5,
    basis: '财预〔2024〕22号正文(中国会计网转载 http://canet.com.cn/fagui/838207.html)',
    add: [{ code: '23004', name: '政府性基金转移支付', source: 'document' }],
  },
];
