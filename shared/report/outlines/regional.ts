/**
 * The 决算公开 outlines of the regional table sets (shared/tables/sets.ts): 四川 14, 云南 11, 内蒙古 12,
 * 陕西 9. Part and section titles are copied from the disclosures named in `sources`; those pages show
 * the sections' titles but not (in the copies we hold) their sentences, so the sentences of a section
 * that reads a region-only table are INFERRED (`inferred` says so; README “地区表样”).
 */
import type { OutlineSection, ReportOutline } from '../outline';
import { chart, gen, GLOSSARY_SECTION, subheading, TABLES_SECTION, text } from './content';

/** Why a section's sentences are inferred: only its title was seen in a real disclosure. */
const INFERRED_WORDING = '措辞为推断:所见公开文本只有本节标题,句式按全国通用格式中同类数字的写法';

const DUTIES = text('profile.duties', '主要职能');
const ORGANISATION = text('profile.organisation', '机构设置及决算单位构成');
const STAFF = text('profile.staff', '人员情况');

/** 四川 14 表 (宣汉 2021): the 13-table outline, with the 政府性基金 “三公” (表十四) after the 财政拨款 “三公”. */
export function sichuan14(sichuan: ReportOutline): ReportOutline {
  const withFundSangong = (section: OutlineSection): OutlineSection =>
    section.content.some((content) => content.kind === 'generated' && content.generator === 'sangong')
      ? {
          ...section,
          // Right after the 财政拨款 “三公” sentences, before their chart.
          content: section.content.flatMap((content) => (content.kind === 'generated' && content.generator === 'sangong' ? [content, gen('fundSangong')] : [content])),
          inferred: `(三)政府性基金预算财政拨款“三公”经费:${INFERRED_WORDING}`,
        }
      : section;
  return {
    ...sichuan,
    id: '四川14',
    name: '四川(14 张表)',
    templates: ['四川14'],
    sources: ['宣汉 2021 http://www.xuanhan.gov.cn/xxgk-show-70872.html', '渠县 2024 http://www.quxian.gov.cn/xxgk-show-64159.html'],
    parts: sichuan.parts.map((part) => ({ ...part, sections: part.sections.map(withFundSangong) })),
  };
}

/** Sections 一–六 as every full national-style disclosure prints them (内蒙古, 陕西 number on from here). */
const OVERVIEW: OutlineSection[] = [
  { title: '一、收入支出决算总体情况说明', content: [gen('total'), chart('total')] },
  { title: '二、收入决算情况说明', content: [gen('income'), chart('income')] },
  { title: '三、支出决算情况说明', content: [gen('expenditure'), chart('expenditure')] },
  { title: '四、财政拨款收入支出决算总体情况说明', content: [gen('fiscal'), chart('fiscal')] },
];

/** As the national outline words its sentences (plain amounts, "比上年", (三) per 项); no region requires reasons. */
const NATIONAL_WORDING = { amountStyle: 'plain', reasonThreshold: 10, requireReasons: false, budgetDetail: 'item', lastYearWord: '比上年' } as const;

export const REGIONAL_OUTLINES = {
  /**
   * 云南 11 表 (云南日报报业集团 2024, 迪庆州财政局 2023, 云南省水利厅 2024 print the same 目录): 决算表 second,
   * 情况说明 in four sections, 其他重要事项及相关口径 as its own part. 政府性基金 and 国有资本经营 (表八, 表九) have
   * no section of their own there; their sentences open 五、其他重要事项情况说明 (INFERRED).
   */
  云南: {
    id: '云南',
    name: '云南(11 张表)',
    ...NATIONAL_WORDING,
    coverLines: [],
    templates: ['云南11'],
    sources: [
      '云南日报报业集团 2024 https://www.yndaily.com/html/2025/juesuangongkai_0812/137143.html',
      '迪庆州财政局 2023 http://diqing.gov.cn/zfxxgk_dqzzf/fdzdgknr/caizhengxinxigongkaizhuanlan/bumenyujuesuan/202410/20241022_218089.html',
      '云南省水利厅 2024 https://wcb.yn.gov.cn/html/2025/yusuan-jiesuan_0818/3061574.html',
      '陆良县中医医院 2023 https://www.luliang.gov.cn/pub/description/53106.html',
    ],
    parts: [
      {
        title: '第一部分 部门概况',
        sections: [
          { title: '一、主要职责', content: [DUTIES] },
          { title: '二、基本情况', content: [ORGANISATION, STAFF] },
          { title: '三、重点工作概述', content: [text('profile.work', '重点工作概述')] },
        ],
      },
      { title: '第二部分 {Y}年度部门决算表', sections: [TABLES_SECTION] },
      {
        title: '第三部分 {Y}年度部门决算情况说明',
        sections: [
          { title: '一、收入决算情况说明', content: [gen('income'), chart('income')] },
          { title: '二、支出决算情况说明', content: [gen('expenditure'), chart('expenditure')] },
          {
            title: '三、一般公共预算财政拨款支出决算情况说明',
            content: [
              gen('gpb'),
              chart('gpb'),
              subheading('(四)一般公共预算财政拨款基本支出决算情况'),
              gen('basic'),
              subheading('(五)一般公共预算财政拨款项目支出决算情况'),
              gen('projects'),
            ],
            inferred: `(五)项目支出(表七):${INFERRED_WORDING}`,
          },
          { title: '四、财政拨款“三公”经费支出决算情况说明', content: [gen('ynSangong')], inferred: `表十、表十一:${INFERRED_WORDING}` },
        ],
      },
      {
        title: '第四部分 其他重要事项及相关口径情况说明',
        sections: [
          { title: '一、机关运行经费支出情况', content: [gen('ynAdmin')], inferred: `表十 行政参公单位机关运行经费:${INFERRED_WORDING}` },
          { title: '二、国有资产占用情况', content: [gen('assets', '')] },
          { title: '三、政府采购支出情况', content: [gen('procurement', '')] },
          { title: '四、部门绩效自评情况', content: [gen('performance', '')] },
          {
            title: '五、其他重要事项情况说明',
            content: [gen('fund'), gen('soeTable11'), text('profile.other', '其他重要事项情况说明')],
            inferred: '表八、表九的说明放在本节:所见云南公开文本的目录中没有政府性基金、国有资本经营的单独一节',
          },
          { title: '六、相关口径说明', content: [text('profile.scope', '相关口径说明')] },
        ],
      },
      { title: '第五部分 名词解释', sections: [GLOSSARY_SECTION] },
    ],
  },
  /**
   * 内蒙古 12 表 (内蒙古公共资源交易中心 2022, 内蒙古机关事务管理局 2022): 情况说明 一–十五 with 项目支出 (表五, 表八)
   * and the 信息表 (表十二) in sections of their own, 联系方式, then the tables last.
   */
  内蒙古: {
    id: '内蒙古',
    name: '内蒙古(12 张表)',
    ...NATIONAL_WORDING,
    coverLines: [],
    templates: ['内蒙古12'],
    sources: [
      '内蒙古自治区公共资源交易中心 2022 http://219.148.175.179/zwgk/cwgk/202404/t20240428_37744.html',
      '内蒙古自治区机关事务管理局 2022 http://jgsw.nmg.gov.cn/c/2023-08-25/501869.shtml',
    ],
    parts: [
      {
        title: '第一部分 部门概况',
        sections: [
          { title: '一、主要职能、职责', content: [DUTIES] },
          { title: '二、部门机构设置及决算单位构成情况', content: [ORGANISATION, STAFF] },
        ],
      },
      {
        title: '第二部分 {Y}年度部门决算情况说明',
        sections: [
          ...OVERVIEW,
          { title: '五、一般公共预算支出决算情况说明', content: [gen('gpb'), chart('gpb')] },
          { title: '六、一般公共预算基本支出决算情况说明', content: [gen('basic')] },
          { title: '七、一般公共预算项目支出决算情况说明', content: [gen('projects')], inferred: `表八:${INFERRED_WORDING}` },
          { title: '八、财政拨款“三公”经费支出决算情况说明', content: [gen('sangong'), chart('sangong')] },
          { title: '九、政府性基金预算财政拨款支出决算情况说明', content: [gen('fund')] },
          { title: '十、国有资本经营预算财政拨款支出决算情况说明', content: [gen('soe')] },
          { title: '十一、项目支出决算情况说明', content: [gen('projectFunds')], inferred: `表五:${INFERRED_WORDING}` },
          { title: '十二、机构运行经费支出决算情况说明', content: [gen('nmAdmin')], inferred: `表十二:${INFERRED_WORDING}` },
          { title: '十三、政府采购支出决算情况说明', content: [gen('nmProcurement')], inferred: `表十二:${INFERRED_WORDING}` },
          { title: '十四、国有资产占用情况说明', content: [gen('assets', '')] },
          { title: '十五、预算绩效情况说明', content: [gen('performance', '')] },
        ],
      },
      { title: '第三部分 名词解释', sections: [GLOSSARY_SECTION] },
      { title: '第四部分 决算公开联系方式及信息反馈渠道', sections: [{ title: '', content: [text('profile.contact', '决算公开联系方式及信息反馈渠道')] }] },
      { title: '第五部分 {Y}年度部门决算表', sections: [TABLES_SECTION] },
    ],
  },
  /**
   * 陕西 9 表 (杨凌示范区 2019 目录; 柞水县审计局 2020 cover lines): 决算表 second, “三公” with 培训费 and
   * 会议费 in section 七 read from 表七 (陕07表; there is no 公开09表), 预算绩效 before 其他重要事项.
   */
  陕西: {
    id: '陕西',
    name: '陕西(9 张表,含会议费、培训费)',
    ...NATIONAL_WORDING,
    coverLines: ['保密审查情况:已审查', '部门主要负责人审签情况:已审签'],
    sangong: { table: '陕07表', fund: '一般公共预算财政拨款' },
    templates: ['陕西9'],
    sources: [
      '杨凌示范区 2019 https://yangling.gov.cn/zwgk/fdzdgknr/czjs/gwhbmjs/2019n/1427927053688156161.html',
      '柞水县审计局 2020 http://219.145.244.73:88/html/zwgk/czysjs/118395.html',
    ],
    parts: [
      {
        title: '第一部分 部门概况',
        sections: [
          { title: '一、部门主要职责及内设机构', content: [DUTIES] },
          { title: '二、部门决算单位构成', content: [ORGANISATION] },
          { title: '三、部门人员情况', content: [STAFF] },
        ],
      },
      { title: '第二部分 {Y}年部门决算表', sections: [TABLES_SECTION] },
      {
        title: '第三部分 {Y}年部门决算情况说明',
        sections: [
          ...OVERVIEW,
          { title: '五、一般公共预算财政拨款支出决算情况说明', content: [gen('gpb'), chart('gpb')] },
          { title: '六、一般公共预算财政拨款基本支出决算情况说明', content: [gen('basic')] },
          {
            title: '七、一般公共预算财政拨款“三公”经费及会议费、培训费支出决算情况说明',
            content: [gen('sangong'), gen('meetingTraining'), chart('sangong')],
            inferred: `(三)培训费、(四)会议费:${INFERRED_WORDING}`,
          },
          { title: '八、政府性基金预算财政拨款收入支出情况说明', content: [gen('fund')] },
          { title: '九、国有资本经营财政拨款收入支出情况说明', content: [gen('soe')] },
          { title: '十、预算绩效情况说明', content: [gen('performance', '')] },
          { title: '十一、其他重要事项说明', content: [gen('admin'), gen('procurement'), gen('assets')] },
        ],
      },
      { title: '第四部分 专业名词解释', sections: [GLOSSARY_SECTION] },
    ],
  },
} satisfies Record<string, ReportOutline>;
