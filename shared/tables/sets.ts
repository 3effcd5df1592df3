/**
 * The one table-set registry: which tables a 公开 set prints, in which order, under which titles, and
 * where each set was seen. The grid, the validator (rule sets are keyed by set id), the exporter and
 * the importer all read a year's tables through `templateTables`, so a set declared here is complete.
 */
import type { TableDef } from './types';

export const TEMPLATE_SET_IDS = ['9', '13', '四川14', '云南11', '内蒙古12', '陕西9'] as const;
export type TemplateSet = (typeof TEMPLATE_SET_IDS)[number];

/** One table of a set: a shared definition, optionally printed under the region's own title. */
export interface SetTable {
  id: string;
  /** The region's title for a shared definition (云南 prints 公开05表 as “…收入支出决算表”). */
  title?: string;
  notes?: string[];
  /** Why this set's use of the definition is an inference (the definition itself may be official). */
  inferred?: string;
}

export interface TableSetDef {
  id: TemplateSet;
  /** Shown when creating a year and in the side list. */
  name: string;
  tables: SetTable[];
  /** Published disclosures the table list is copied from. */
  sources: string[];
}

const NATIONAL = ['公开01表', '公开02表', '公开03表', '公开04表', '公开05表', '公开06表', '公开07表', '公开08表', '公开09表'];
const SICHUAN_13 = ['公开01表', '公开02表', '公开03表', '公开04表', '川05表', '公开05表', '川07表', '公开06表', '川09表', '公开07表', '川11表', '公开08表', '公开09表'];
const plain = (ids: readonly string[]): SetTable[] => ids.map((id) => ({ id }));

const YUNNAN_05 =
  '表样为推断:按全国公开05表的三栏(合计、基本支出、项目支出)排列;云南表名为“收入支出决算表”,官方模板也可能有年初、年末结转和结余栏,请核对';

export const TABLE_SETS: readonly TableSetDef[] = [
  { id: '9', name: '9 张公开表(公开01–09表)', tables: plain(NATIONAL), sources: ['种子文件 002(荆门 2023)'] },
  { id: '13', name: '四川 13 张表(表一–表十三)', tables: plain(SICHUAN_13), sources: ['种子文件 000(眉山 2023)', 'http://www.quxian.gov.cn/xxgk-show-64159.html'] },
  {
    id: '四川14',
    name: '四川 14 张表(另有政府性基金“三公”表)',
    tables: plain([...SICHUAN_13, '川14表']),
    // The 14th table's position is not in the disclosure text we hold; it is printed last.
    sources: ['宣汉 2021 http://www.xuanhan.gov.cn/xxgk-show-70872.html'],
  },
  {
    id: '云南11',
    name: '云南 11 张表(表一–表十一)',
    tables: [
      { id: '公开01表', title: '收入支出决算表' },
      { id: '公开02表' },
      { id: '公开03表' },
      { id: '公开04表', title: '财政拨款收入支出决算表' },
      { id: '公开05表', title: '一般公共预算财政拨款收入支出决算表', inferred: YUNNAN_05 },
      { id: '公开06表', title: '一般公共预算财政拨款基本支出决算表' },
      { id: '川09表' },
      { id: '公开07表' },
      { id: '川11表' },
      { id: '滇10表' },
      {
        id: '公开09表',
        title: '一般公共预算财政拨款“三公”经费情况表',
        notes: ['注:本表反映部门本年度一般公共预算财政拨款“三公”经费支出预决算情况。其中,预算数为“三公”经费全年预算数,反映按规定程序调整后的预算数;决算数是包括当年财政拨款和以前年度结转资金安排的实际支出。'],
        inferred: '表样为推断:按全国公开09表排列,只含一般公共预算财政拨款',
      },
    ],
    // 双江 is county level (县财政局); it prints the same eleven, then 国有资产使用情况表 and the 绩效自评
    // materials as 十二–十五, which are not amount tables of the set.
    sources: [
      '陆良县中医医院 2023 https://www.luliang.gov.cn/pub/description/53106.html',
      '双江县财政局 2023 https://www.shuangjiang.gov.cn/info/1207/124238.htm',
      '云南日报报业集团 2024 https://www.yndaily.com/html/2025/juesuangongkai_0812/137143.html',
      '迪庆州应急管理局 2024 http://diqing.gov.cn/zfxxgk_dqzzf/fdzdgknr/caizhengxinxigongkaizhuanlan/bumenyujuesuan/t_dqzzf_zyjj/202509/20250914_232146.html',
    ],
  },
  {
    id: '内蒙古12',
    name: '内蒙古 12 张表(含项目收入支出、机构运行经费等信息表)',
    tables: [
      { id: '公开01表' },
      { id: '公开02表' },
      { id: '公开03表' },
      { id: '公开04表' },
      { id: '蒙05表' },
      { id: '公开05表' },
      { id: '公开06表' },
      { id: '川09表', title: '一般公共预算财政拨款项目支出决算明细表' },
      { id: '公开07表' },
      { id: '公开08表' },
      { id: '公开09表' },
      { id: '蒙12表' },
    ],
    // 鄂尔多斯 2023 prints the same set without 项目收入支出决算表 (11 tables); not declared.
    sources: ['内蒙古自治区公共资源交易中心 2022 http://219.148.175.179/zwgk/cwgk/202404/t20240428_37744.html'],
  },
  {
    id: '陕西9',
    name: '陕西 9 张表(“三公”表含会议费、培训费)',
    tables: [
      { id: '公开01表' },
      { id: '公开02表', title: '收入决算总表' },
      { id: '公开03表', title: '支出决算总表' },
      { id: '公开04表' },
      { id: '公开05表' },
      { id: '公开06表', title: '一般公共预算财政拨款基本支出决算表' },
      { id: '陕07表' },
      { id: '公开07表' },
      { id: '公开08表' },
    ],
    sources: ['柞水县审计局 2020 http://219.145.244.73:88/html/zwgk/czysjs/118395.html'],
  },
];

/** A shared definition as the set prints it: the region's title, notes and inference note over the definition's. */
export function asPrinted(def: TableDef, entry: SetTable): TableDef {
  if (!entry.title && !entry.notes && !entry.inferred) return def;
  return { ...def, title: entry.title ?? def.title, notes: entry.notes ?? def.notes, inferred: entry.inferred ?? def.inferred };
}
