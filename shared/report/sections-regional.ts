/**
 * 情况说明 sentences that read a regional set's own tables (shared/tables/regional.ts, sichuan.ts):
 * 陕西 会议费、培训费 (陕07表), 四川 政府性基金 “三公” (川14表), 云南 “三公” and 机关运行经费 (滇10表) and
 * 国有资本经营 (川11表), the 一般公共预算 项目支出 by 经济分类 (川09表: 云南 表七, 内蒙古 表八), and
 * 内蒙古's 项目收入支出 (蒙05表) and 机构运行经费 / 政府采购 (蒙12表). INFERRED wording: the disclosures
 * we hold give these sections' titles only (sources in outlines/regional.ts), so the sentences follow
 * the national patterns of the same figures (REFERENCE-2026 §2.6, seeds 000/002/004).
 */
import { economicName } from '../catalog';
import { PROJECT_CLASSES } from '../tables/sichuan';
import { NM12_ROWS, SHAANXI_EXTRA, YN10_ROWS } from '../tables/regional';
import { TOTAL } from '../tables';
import { comma } from './sections-overview';
import { fundLike, sangongColumn, sangongItem, sangongStats, SANGONG_ITEMS, T09, type SangongItem } from './sections-other';
import type { Block, Part, Sentence } from './types';
import type { Quantity, Writer } from './writer';

export type RegionalGeneratorId = 'meetingTraining' | 'fundSangong' | 'projects' | 'projectFunds' | 'ynSangong' | 'ynAdmin' | 'soeTable11' | 'nmAdmin' | 'nmProcurement';

const CN09 = '川09表';
const CN11 = '川11表';
const CN14 = '川14表';
const YN10 = '滇10表';
const NM05 = '蒙05表';
const NM12 = '蒙12表';

const paragraph = (...sentences: Sentence[]): Block => ({ kind: 'paragraph', sentences });
const nothing = (q: Quantity | null) => !q || q.value === 0;

/** 陕西 七(三) 培训费 and (四) 会议费 (杨凌 2019 headings), from the “三公” table's extra columns. */
export function meetingTrainingSection(w: Writer): Block[] {
  const table = w.outline.sangong?.table ?? T09;
  const fund = w.outline.sangong?.fund ?? '财政拨款';
  // 杨凌 prints 培训费 before 会议费 though the table has 会议费 first.
  return [...SHAANXI_EXTRA].reverse().flatMap((name, i): Block[] => {
    const item: SangongItem = { key: name === '会议费' ? 'meeting' : 'training', name, column: name, budgetKeys: [] };
    const heading: Block = { kind: 'heading', level: 3, text: `(${['三', '四'][i]})${name}支出情况` };
    const x = w.cell(table, '1', sangongColumn(table, '决算数', name));
    const planned = w.cell(table, '1', sangongColumn(table, '预算数', name));
    const last = w.lastYear(table, '1', sangongColumn(table, '决算数', name));
    if (nothing(x) && nothing(planned) && nothing(last)) return [heading, paragraph(w.sentence(`sangong.${item.key}`, [`本单位${w.year}年度没有${fund}${name}支出`]))];
    return [heading, paragraph(...sangongItem(w, table, item, `${w.year}年度${fund}${name}支出`, 'sangong', false))];
  });
}

/** 四川 14 表: the 政府性基金 “三公” (川14表), after the 财政拨款 “三公”, each item against its 预算数 and last year. */
export function fundSangongSection(w: Writer): Block[] {
  const fund = '政府性基金预算财政拨款';
  const heading: Block = { kind: 'heading', level: 3, text: `(三)${fund}“三公”经费支出决算情况` };
  const col = (half: '预算数' | '决算数', item: SangongItem) => sangongColumn(CN14, half, item.column);
  const used = (item: SangongItem) => !nothing(w.cell(CN14, '1', col('决算数', item))) || !nothing(w.cell(CN14, '1', col('预算数', item))) || !nothing(w.lastYear(CN14, '1', col('决算数', item)));
  const { total, outbound, purchase, running, reception } = SANGONG_ITEMS;
  if (!used(total)) return [heading, paragraph(w.sentence('fundSangong', [`本单位${w.year}年度没有使用${fund}安排“三公”经费支出`]))];
  const items: [SangongItem, string][] = [
    [outbound, '因公出国(境)费'],
    [purchase, '公务用车购置费'],
    [running, '公务用车运行维护费'],
    [reception, '公务接待费'],
  ];
  const sentences = [
    ...sangongItem(w, CN14, { ...total, name: `${fund}“三公”经费支出` }, `${w.year}年度${fund}“三公”经费支出`, 'fundSangong', false),
    ...items.filter(([item]) => used(item)).flatMap(([item, name], i) => sangongItem(w, CN14, item, `${i + 1}.${name}`, 'fundSangong', false)),
  ];
  return [heading, paragraph(...sentences)];
}

/** 一般公共预算财政拨款项目支出 by 经济分类 类 (川09表), each with its share and change. */
export function projectsSection(w: Writer): Block[] {
  const name = '一般公共预算财政拨款项目支出';
  const total = w.cell(CN09, '项目支出合计', '1');
  const last = w.lastYear(CN09, '项目支出合计', '1');
  if (nothing(total) && nothing(last)) return [paragraph(w.sentence('projects', [`本单位${w.year}年度没有${name}`]))];
  const sentences = [
    w.sentence('projects', [`${w.year}年度${name}`, w.amount(total), '万元', ...comma(w.change(total, last))], '。', w.reason('projects', `${w.direction(total, last)}的主要原因:`, total, last)),
    w.sentence('projects.economic', ['按经济分类如下'], ':'),
  ];
  let i = 0;
  for (const code of PROJECT_CLASSES) {
    const x = w.cell(CN09, code, '1');
    const y = w.lastYear(CN09, code, '1');
    if (nothing(x) && nothing(y)) continue;
    i++;
    sentences.push(w.sentence(`projects.${code}`, [`${i}.${economicName(code) ?? code}`, w.amount(x), `万元,占${name}的`, w.share(x, total), ...comma(w.change(x, y))]));
  }
  return [paragraph(...sentences)];
}

/** 内蒙古 十一 项目支出决算情况 (蒙05表, all funds): 年初结转 + 本年收入 − 本年支出 = 年末结转, and the 类 it went to. */
export function projectFundsSection(w: Writer): Block[] {
  const q = (col: string) => w.cell(NM05, TOTAL, col);
  const [opening, income, spent, closing] = ['1', '2', '3', '4'].map(q);
  const last = w.lastYear(NM05, TOTAL, '3');
  const empty = [opening, income, spent, closing].every(nothing) && !w.source.model.rows(NM05).some((row) => row.level === 3);
  if (empty && nothing(last)) return [paragraph(w.sentence('projectFunds', [`本单位${w.year}年度没有项目收入支出`]))];
  const sentences = [
    w.sentence('projectFunds', [`${w.year}年度项目支出`, w.amount(spent), '万元', ...comma(w.change(spent, last))], '。', w.reason('projectFunds', `${w.direction(spent, last)}的主要原因:`, spent, last)),
    w.sentence('projectFunds.balance', ['项目资金年初结转和结余', w.amount(opening), '万元,本年收入', w.amount(income), '万元,本年支出', w.amount(spent), '万元,年末结转和结余', w.amount(closing), '万元']),
  ];
  const classes = w.source.model.rows(NM05).filter((row) => row.level === 1 && (w.source.model.value(NM05, row.key, '3') ?? 0) !== 0);
  if (classes.length) {
    const parts = classes.flatMap((row, i): Part[] => {
      const x = w.cell(NM05, row.key, '3');
      return [i ? ';' : '', `${row.label}`, w.amount(x), '万元,占项目支出的', w.share(x, spent)];
    });
    sentences.push(w.sentence('projectFunds.classes', ['项目支出主要用于:', ...parts]));
  }
  return [paragraph(...sentences)];
}

/** One line of 滇10表: "预算为…万元,支出决算为…万元,完成预算的…%", then last year, each with its reason. */
function yunnanLine(w: Writer, row: string, id: string, label: string): Sentence[] {
  const budget = w.cell(YN10, row, '1');
  const x = w.cell(YN10, row, '2');
  const last = w.lastYear(YN10, row, '2');
  return [
    w.sentence(`${id}.budget`, [label, '预算为', w.amount(budget), '万元,支出决算为', w.amount(x), '万元', ...comma(w.completion(x, budget, '完成预算的'))], '。', w.reason(`${id}.budget`, '决算数与预算数差异的主要原因:', x, budget.value ? budget : null)),
    // The change sentence names the item without its list number ("1." / "(1)"); a year stays ("2023年度…").
    ...(last ? [w.sentence(`${id}.yoy`, [label.replace(/^(\d+\.|[((]\d+[))])/, ''), ...w.change(x, last)], '。', w.reason(`${id}.yoy`, `${w.direction(x, last)}的主要原因:`, x, last))] : []),
  ];
}

/** 云南 四、财政拨款“三公”经费 (表十 滇10表), the 相关统计数 from 补充信息, and 表十一's 一般公共预算 part (公开09表). */
export function yunnanSangongSection(w: Writer): Block[] {
  const r = YN10_ROWS;
  const spent = (row: string) => w.cell(YN10, row, '2');
  const stats = sangongStats(w, { outbound: spent(r.outbound), purchase: spent(r.carPurchase), vehicles: spent(r.car), reception: spent(r.reception) });
  const detail = [
    ...yunnanLine(w, r.outbound, 'sangong.outbound', '1.因公出国(境)费'),
    stats.outbound,
    ...yunnanLine(w, r.car, 'sangong.vehicles', '2.公务用车购置及运行维护费'),
    ...yunnanLine(w, r.carPurchase, 'sangong.vehicle_purchase', '(1)公务用车购置费'),
    stats.purchase,
    ...yunnanLine(w, r.carRunning, 'sangong.vehicle_running', '(2)公务用车运行维护费'),
    stats.held,
    ...yunnanLine(w, r.reception, 'sangong.reception', '3.公务接待费'),
    ...yunnanLine(w, r.receptionDomestic, 'sangong.reception_domestic', '(1)国内公务接待费'),
    ...yunnanLine(w, r.receptionForeign, 'sangong.reception_foreign', '(2)国(境)外公务接待费'),
    stats.reception,
  ];
  const gpb = { ...SANGONG_ITEMS.total, name: '一般公共预算财政拨款“三公”经费支出' };
  return [
    { kind: 'heading', level: 3, text: '(一)财政拨款“三公”经费支出决算总体情况' },
    paragraph(...yunnanLine(w, r.total, 'sangong.total', `${w.year}年度财政拨款“三公”经费支出`)),
    { kind: 'heading', level: 3, text: '(二)财政拨款“三公”经费支出决算具体情况' },
    paragraph(...detail),
    { kind: 'heading', level: 3, text: '(三)一般公共预算财政拨款“三公”经费支出决算情况' },
    paragraph(...sangongItem(w, T09, gpb, `${w.year}年度一般公共预算财政拨款“三公”经费支出`, 'sangong.gpb', false)),
  ];
}

/** 云南 第四部分 一、机关运行经费 (滇10表 二、行政参公单位机关运行经费). */
export function yunnanAdminSection(w: Writer): Block[] {
  const row = YN10_ROWS.running;
  if ([w.cell(YN10, row, '1'), w.cell(YN10, row, '2'), w.lastYear(YN10, row, '2')].every(nothing)) {
    return [paragraph(w.sentence('admin', [`本单位${w.year}年度没有行政参公单位机关运行经费支出`]))];
  }
  return [paragraph(...yunnanLine(w, row, 'admin', `${w.year}年度行政参公单位机关运行经费支出`))];
}

/** 云南 国有资本经营 from 表九 (川11表, 本年支出 小计): the set has no 公开08表. */
export const soeTable11Section = (w: Writer) => fundLike(w, 'soe', CN11, '3', '国有资本经营预算财政拨款支出', `本单位${w.year}年度没有国有资本经营预算财政拨款收入支出`);

/** 内蒙古 十二、机构运行经费 (蒙12表 一). */
export function innerMongoliaAdminSection(w: Writer): Block[] {
  const x = w.cell(NM12, NM12_ROWS.running, '1');
  const last = w.lastYear(NM12, NM12_ROWS.running, '1');
  if (nothing(x) && nothing(last)) return [paragraph(w.sentence('admin', [`本单位${w.year}年度没有机构运行经费支出`]))];
  return [paragraph(w.sentence('admin', [`${w.year}年度机构运行经费支出`, w.amount(x), '万元', ...comma(w.change(x, last))], '。', w.reason('admin', '主要原因:', x, last)))];
}

/** 内蒙古 十三、政府采购 (蒙12表 二 and the 中小企业/小微企业 lines). */
export function innerMongoliaProcurementSection(w: Writer): Block[] {
  const q = (row: string) => w.cell(NM12, row, '1');
  const r = NM12_ROWS;
  const total = q(r.procurement);
  if (nothing(total)) return [paragraph(w.sentence('procurement', [`本单位${w.year}年度没有政府采购支出`]))];
  const sme = q(r.sme);
  const micro = q(r.smallMicro);
  return [
    paragraph(
      w.sentence('procurement', [
        `${w.year}年度政府采购支出总额`, w.amount(total), '万元,其中:政府采购货物支出', w.amount(q(r.goods)),
        '万元、政府采购工程支出', w.amount(q(r.works)), '万元、政府采购服务支出', w.amount(q(r.services)), '万元',
      ]),
      w.sentence('procurement.sme', ['授予中小企业合同金额', w.amount(sme), '万元,占政府采购支出总额的', w.share(sme, total), ',其中:授予小微企业合同金额', w.amount(micro), '万元,占政府采购支出总额的', w.share(micro, total)]),
    ),
  ];
}

export const REGIONAL_GENERATORS: Record<RegionalGeneratorId, (w: Writer) => Block[]> = {
  meetingTraining: meetingTrainingSection,
  fundSangong: fundSangongSection,
  projects: projectsSection,
  projectFunds: projectFundsSection,
  ynSangong: yunnanSangongSection,
  ynAdmin: yunnanAdminSection,
  soeTable11: soeTable11Section,
  nmAdmin: innerMongoliaAdminSection,
  nmProcurement: innerMongoliaProcurementSection,
};
