/**
 * The CLI's `export` and `import` verbs. Kept beside the exporter and importer so electron/cli.ts
 * only dispatches; both go through core.call like every other verb.
 */
import fs from 'node:fs';
import path from 'node:path';
import { catalogInForce } from '../../../shared/catalog';
import { ApiError, type ExportedWorkbook, type ImportPreview, type Numbering, type Results, type TemplateSet, type YearInfo } from '../../../shared/contract';
import { TABLE_SETS, TEMPLATE_SET_IDS, templateTables } from '../../../shared/tables';
import { writeFileAtomic } from '../atomic-write';
import { buildingPathOf, discardBuilt, placeBuilt } from '../year-file-place';
import type { createCore } from '../core';
import { withLoggedEdits } from '../read-unit-file';
import { readUntrusted } from '../untrusted-file';
import type { Findings } from './read-table';
import { sniff } from './read';
import { readSource, type SourceYear } from './source';

type Core = ReturnType<typeof createCore>;
type Flags = Record<string, string | true>;

const text = (flags: Flags, name: string) => (typeof flags[name] === 'string' ? (flags[name] as string) : undefined);
function need(flags: Flags, name: string): string {
  const value = text(flags, name);
  if (value === undefined) throw new ApiError('refused', `缺少参数 --${name}`);
  return value;
}

/** export --file F --out X.xlsx [--xls] [--draft] [--protect] [--print-audit] */
export async function exportVerb(core: Core, file: string, flags: Flags): Promise<number> {
  const out = need(flags, 'out');
  const format = flags.xls || /\.xls$/i.test(out) ? 'xls' : 'xlsx';
  const workbook = (await core.call('exportWorkbook', { file, format, draft: flags.draft === true, protect: flags.protect === true, printAudit: flags['print-audit'] === true })) as ExportedWorkbook;
  writeFileAtomic(out, Buffer.from(workbook.dataBase64, 'base64'));
  console.log(`已导出 ${out}${flags.draft ? '(草稿)' : ''}`);
  return 0;
}

/**
 * import --file F --in W.xlsx [--baseline] [--preview] [--json]; a missing F is created first
 * (--year, else the year the source states, or the year after it for --baseline; --template, else the set the workbook is laid out in; --unit, else the 部门 the workbook names; --code, else the code the workbook carries),
 * under a hidden name and put in place only once the import is in: a failure, a preview or a kill leaves no file.
 */
export async function importVerb(core: Core, file: string, flags: Flags): Promise<number> {
  const input = need(flags, 'in');
  // A year file open in the app (or left by a program that ended abruptly) has acknowledged edits in its log too.
  const bytes = withLoggedEdits(input, readUntrusted(input));
  const name = path.basename(input);
  const args = { file, name, dataBase64: bytes.toString('base64'), baseline: flags.baseline === true, partial: flags.partial === true };
  const target = path.resolve(file);
  // A file made for this import is built under a hidden name and appears only once the import is in (year-file-place.ts).
  const building = fs.existsSync(target) ? undefined : buildingPathOf(target);
  if (building) {
    const year = typeof flags.year === 'string' ? Number(flags.year) : await yearFromSource(bytes, name, flags.baseline === true, !flags.json);
    const chosen = text(flags, 'template') as TemplateSet | undefined;
    const { set: template, source: read, out: found } = chosen ? { set: chosen, ...(await readAs(bytes, name, chosen, year)) } : await layoutOf(bytes, name, year);
    const what = sniff(bytes) === 'sqlite' ? ` ${name} ` : '工作簿';
    if (!chosen && !flags.json) console.log(`按${what}的表样新建年度文件:${TABLE_SETS.find((set) => set.id === template)!.name}(可用 --template 指定)`);
    const unitName = text(flags, 'unit') ?? read?.unitName;
    // A table the workbook's errors made unreadable takes its 部门 line with it: those errors are the news.
    if (!unitName && found.errors.length) throw new ApiError('refused', `未导入任何数据,文件 ${file} 未创建:\n${found.errors.join('\n')}`);
    if (!unitName) throw new ApiError('refused', `文件 ${file} 不存在:新建年度文件需要 --unit(工作簿中没有“部门:”一行)`);
    const numbering = (text(flags, 'numbering') ?? read?.layout?.numbering) as Numbering | undefined;
    if (fs.existsSync(target)) throw new ApiError('refused', `文件已存在:${target}`);
    const info = (await core.call('createYear', { file: building, fiscalYear: year, unitName, unitCode: text(flags, 'code') ?? read?.unitCode, template, numbering })) as YearInfo;
    if (!flags.json) console.log(catalogInForce(info.fiscalYear, info.definitionsEdition).full);
  }
  const into = { ...args, file: building ?? file };
  try {
    if (flags.preview) {
      const preview = (await core.call('previewImport', into)) as ImportPreview;
      console.log(flags.json ? JSON.stringify(preview) : describe(preview));
      return preview.errors.length ? 1 : 0;
    }
    const result = (await core.call('importWorkbook', into)) as ImportPreview & { revision: number };
    if (building) {
      core.close();
      placeBuilt(building, target);
    }
    console.log(flags.json ? JSON.stringify(result) : `${describe(result)}\n已导入 ${file}`);
    return 0;
  } finally {
    // A preview or a failure leaves no file made for it.
    if (building) {
      core.close();
      discardBuilt(building);
    }
  }
}

/**
 * The year of a file made for an import without --year: the one the source states (a year file's, a
 * workbook's heading or title), or the year after it when the source is last year's.
 */
async function yearFromSource(bytes: Buffer, name: string, baseline: boolean, say: boolean): Promise<number> {
  const { source } = await readAs(bytes, name, '9', new Date().getFullYear() - 1);
  const stated = source?.fiscalYear;
  if (stated === undefined) throw new ApiError('refused', `缺少参数 --year(${name} 中没有写明年度)`);
  if (say) console.log(`年度取自 ${name}:${stated}${baseline ? ` 的下一年度 ${stated + 1}` : ''}(可用 --year 指定)`);
  return baseline ? stated + 1 : stated;
}

/** catalog --file F --in 科目表.xlsx */
export async function catalogVerb(core: Core, file: string, flags: Flags): Promise<number> {
  const input = need(flags, 'in');
  const args = { file, name: path.basename(input), dataBase64: readUntrusted(input).toString('base64') };
  const result = (await core.call('importCatalog', args)) as Results['importCatalog'];
  console.log(`已导入科目表:功能分类 ${result.function} 个,经济分类 ${result.economic} 个${result.skipped ? `,跳过其他科目 ${result.skipped} 个` : ''}`);
  return 0;
}

/**
 * The table set a source is laid out in, for the year file made from it: a year file's own; for a workbook the set that reads it
 * without errors and finds the most tables, then with the fewest hints (a label and a title naming
 * different tables). Ties go to the earlier set, the national 9 first, so a regional superset
 * (四川14 over 13) is taken only for a table the smaller set lacks. Returns what that set read too.
 */
async function layoutOf(bytes: Buffer, name: string, year: number): Promise<{ set: TemplateSet; source?: SourceYear; out: Findings }> {
  // A year file states its set (a 云南 11-table year read as the national 9 would lose 表七–表十一).
  const asYearFile = sniff(bytes) === 'sqlite' ? await readAs(bytes, name, '9', year) : undefined;
  const stated = asYearFile?.source?.layout?.template;
  if (stated) return { set: stated, ...asYearFile };
  let best: { set: TemplateSet; source?: SourceYear; out: Findings; score: number[] } | undefined;
  for (const set of TEMPLATE_SET_IDS) {
    const { source, out } = await readAs(bytes, name, set, year);
    const score = [out.errors.length === 0 ? 1 : 0, source?.tables.size ?? 0, -out.warnings.length];
    if (!best || isAbove(score, best.score)) best = { set, source, out, score };
  }
  return best!;
}

const isAbove = (a: number[], b: number[]) => {
  const differs = a.findIndex((value, i) => value !== b[i]);
  return differs >= 0 && a[differs] > b[differs];
};

/** The workbook read as a year of `set`: what it holds (the 部门 line, the code it carries) and what reading it found. */
async function readAs(bytes: Buffer, name: string, set: TemplateSet, year: number): Promise<{ source?: SourceYear; out: Findings }> {
  const out: Findings = { errors: [], warnings: [], unrecognised: [] };
  return { source: (await readSource(bytes, name, templateTables(set), year, out)) ?? undefined, out };
}

function describe(preview: ImportPreview): string {
  const lines = [`来源:${preview.source.name}(${preview.mode === 'baseline' ? '作为上年数' : '替换本年录入数据'})`];
  // A year file has no sheets: its tables are named by their labels already.
  const sheet = (name: string) => (preview.source.kind === 'year-file' ? '' : `  工作表“${name}”`);
  for (const table of preview.recognised) lines.push(`  ${table.tableLabel}${sheet(table.sheet)}  ${table.cells} 个单元格${table.codes ? `,${table.codes} 个科目` : ''}`);
  for (const form of preview.forms) {
    lines.push(`  绩效自评  工作表“${form.sheet}”  ${form.subject_type === 'project' ? `项目 ${form.subject_code}` : '部门整体'} ${form.subject_name}`);
  }
  if (preview.missing.length) lines.push(`未找到(保持不变):${preview.missing.join('、')}`);
  const effect = preview.effect;
  const forms = effect.forms ? (preview.mode === 'baseline' ? `,带入本年绩效自评表草稿 ${effect.forms} 张` : `,绩效自评表 ${effect.forms} 张`) : '';
  lines.push(
    preview.mode === 'baseline'
      ? `将写入上年数 ${effect.baselineCells} 个,预填 ${effect.prefilled} 个单元格,带入科目 ${effect.addCodes} 个${forms}`
      : `将写入 ${effect.cells} 个单元格,清空 ${effect.cleared} 个,新增科目 ${effect.addCodes} 个,删除科目 ${effect.removeCodes} 个${forms}`,
  );
  for (const table of preview.notImported ?? []) {
    lines.push(`  无法读取:${table.tableLabel}${sheet(table.sheet)}(${preview.errors.length ? '' : '不导入,'}保持不变)`);
    if (!preview.errors.length) for (const reason of table.reasons) lines.push(`    ${reason}`);
  }
  for (const item of preview.unrecognised) lines.push(`  未识别:工作表“${item.sheet}”${item.cell ? ` ${item.cell}` : ''}:${item.reason}`);
  for (const warning of preview.warnings) lines.push(`  提示:${warning}`);
  if (preview.mismatches?.length) lines.push('  合计数与明细不符:');
  for (const m of preview.mismatches ?? []) lines.push(`    ${m.tableLabel} 工作表“${m.sheet}” ${m.label} 第 ${m.col} 栏:表中为 ${m.printed},按明细计算为 ${m.computed}`);
  for (const error of preview.errors) lines.push(`  错误:${error}`);
  return lines.join('\n');
}
