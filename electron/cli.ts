/**
 * 决算通 command line: the same core as the app, one verb per call.
 *   npm run -s cli -- <verb> [--flag value …]
 * Exit codes: 0 ok, 1 refused input or failed checks, 2 unreadable file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ApiError, type TableView, type YearInfo } from '../shared/contract';
import { buildingPathOf, discardBuilt, placeBuilt } from './core/year-file-place';
// Every verb loads its own code when it runs (`help` loads none of it; see scripts/build-cli.mjs).
const loadCore = () => import('./core/core');
const loadWorkbookVerbs = () => import('./core/xlsx/cli-verbs');

const USAGE = `用法: npm run -s cli -- <命令> [参数]
  new   --file F --year 2024 --unit "单位名称" [--code 单位编码] [--template 9|13|四川14|云南11|内蒙古12|陕西9] [--numbering 公开|表]
  set   --file F --table 公开01表 --row 28 --col 1 --value 12.34   (--value "" 清空;
                                      --name 名称:科目表中没有的 7 位科目代码作为自定义科目)
  get   --file F --table 公开01表 [--json]
  dump  --file F                      交换格式 JSON 输出到标准输出
  load  --file F --json doc.json      以交换格式文档替换全部录入数据(文件不存在时新建)
  validate 路径… [--json] [--report 审核汇总.xlsx] [--jobs N]
                                      审核年度文件或 Excel 工作簿(可多个文件或文件夹,多线程并行);有错误时退出码为 1
  export --file F --out X.xlsx [--xls] [--draft] [--protect] [--print-audit]
                                      导出公开表工作簿(--xls 旧版 .xls;审核有错误时只能导出草稿;--protect 锁定计算单元格;
                                      --print-audit 报送版也打印审核说明)
  import --file F --in W.xlsx [--baseline] [--preview] [--json] [--year Y --unit U --code C --template T --numbering 公开|表] [--partial]
                                      导入工作簿或年度文件(--baseline 作为上年数;文件不存在时新建;--partial 只导入能读取的表)
  catalog --file F --in 科目表.xlsx   导入本年度官方科目表(含“科目代码”“科目名称”表头)
  report --file F --out X.docx|X.pdf|X.md|X.html [--json] [--draft]
                                      生成决算公开文档(--json 列出每句话及其数字所取的单元格;审核有错误、
                                      还有待填写处(概况、年初预算、补充信息)或地区要求的主要原因未写时只能 --draft 导出草稿)
  consolidate --out 汇总.sqlite --unit "主管部门名称" [--code C] [--adjust auto|none] [--offsets 调整.json] [--confirm] [--preview] [--jobs N] 文件…|文件夹
  consolidate --rebuild 汇总.sqlite [--adjust auto] [--confirm]
                                      汇总各单位文件(有问题时须 --confirm 才写入;有单位未汇总时退出码为 1)
  scores --file F [--json] [--out 得分一览.xlsx]
                                      绩效自评得分一览(每张自评表的执行率、得分、等级、封顶与扣分、缺少的说明)`;

type Flags = Record<string, string | true>;

function parseFlags(argv: string[]): Flags {
  const flags: Flags = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new ApiError('refused', `无法识别的参数“${arg}”\n${USAGE}`);
    const name = arg.slice(2);
    const next = argv[i + 1];
    if (next === undefined || next.startsWith('--')) flags[name] = true;
    else {
      flags[name] = next;
      i++;
    }
  }
  return flags;
}

/** The flags a verb takes: those its usage lines name (the verb's line and the indented lines under it). */
function flagsOf(verb: string): Set<string> {
  const names = new Set<string>();
  let inVerb = false;
  for (const line of USAGE.split('\n')) {
    const starts = /^  (\S+)/.exec(line);
    if (starts) inVerb = starts[1] === verb;
    if (inVerb) for (const [, name] of line.matchAll(/--([a-z-]+)/g)) names.add(name);
  }
  return names;
}

/** A flag the verb does not take is refused, never ignored: `import --table 公开05表` would replace every table the workbook holds. */
function refuseUnknownFlags(verb: string, flags: Flags): void {
  const known = flagsOf(verb);
  const unknown = Object.keys(flags).filter((name) => !known.has(name));
  if (known.size && unknown.length) throw new ApiError('refused', `命令 ${verb} 没有参数 ${unknown.map((name) => `--${name}`).join('、')}\n${USAGE}`);
}

function need(flags: Flags, name: string): string {
  const value = flags[name];
  if (typeof value !== 'string') throw new ApiError('refused', `缺少参数 --${name}\n${USAGE}`);
  return value;
}

/** The flag each field of a year's creation comes from: a refusal names what the clerk typed. */
const FLAG_OF_FIELD: Record<string, string> = { fiscalYear: '--year', unitName: '--unit', unitCode: '--code', template: '--template', numbering: '--numbering' };

/** “参数 createYear.fiscalYear 应为…” (the API's words) as “--year 应为…”. */
function inFlagWords(message: string): string {
  return message.replace(/^参数 createYear\.(\w+) /, (whole, field: string) => (FLAG_OF_FIELD[field] ? `${FLAG_OF_FIELD[field]} ` : whole));
}

/** A year as typed: digits become the number; other text goes on as it is, so the refusal can quote it. */
const yearOf = (text: string): number | string => (/^\s*\d+\s*$/.test(text) ? Number(text) : text);

/**
 * The table the clerk typed, read first as the file prints its tables: 陕西's printed 公开07表 is its
 * “三公” table (id 陕07表), not the id 公开07表 (its 政府性基金 table, printed 公开08表). Anything else
 * (an id, a title, 表七) the core resolves.
 */
async function tableAsPrinted(file: string, typed: string): Promise<string> {
  const [{ YearStore }, { printedLabel, templateTables }] = await Promise.all([import('./core/store'), import('../shared/tables')]);
  const info = fs.existsSync(file) ? YearStore.peek(path.resolve(file), path.basename(file)) : null;
  if (!info) return typed;
  const label = typed.replace(/\s+/g, '');
  return templateTables(info.template).find((def) => printedLabel(def.id, info.template, info.numbering) === label)?.id ?? typed;
}

function printTable(view: TableView): string {
  const cols = [...new Set(view.rows.flatMap((row) => Object.keys(row.cells)))];
  const lines = [`${view.label} ${view.title}`, ['行', '项目', ...cols.map((col) => `栏${col}`)].join('\t')];
  for (const row of view.rows) lines.push([row.row, row.label, ...cols.map((col) => (col in row.cells ? (row.cells[col] ?? '') : ''))].join('\t'));
  return lines.join('\n');
}

async function run(argv: string[]): Promise<number> {
  const [verb, ...rest] = argv;
  if (!verb || verb === 'help' || verb === '--help') {
    console.log(USAGE);
    return verb ? 0 : 1;
  }
  if (verb === 'validate') return (await import('./core/validate-cli')).validateVerb(rest);
  if (verb === 'consolidate') return (await import('./core/consolidate-cli')).consolidateVerb(rest);
  const flags = parseFlags(rest);
  refuseUnknownFlags(verb, flags);
  const { createCore } = await loadCore();
  const core = createCore({ resolveFile: (file) => path.resolve(file), editor: '决算通命令行' });
  try {
    const file = need(flags, 'file');
    switch (verb) {
      case 'new': {
        const info = (await core.call('createYear', {
          file,
          fiscalYear: yearOf(need(flags, 'year')),
          unitName: need(flags, 'unit'),
          unitCode: typeof flags.code === 'string' ? flags.code : undefined,
          template: typeof flags.template === 'string' ? flags.template : undefined,
          numbering: typeof flags.numbering === 'string' ? flags.numbering : undefined,
        })) as YearInfo;
        const { TABLE_SETS } = await import('../shared/tables/sets');
        const set = TABLE_SETS.find((entry) => entry.id === info.template)!;
        console.log(`已创建 ${file}:${info.fiscalYear}年度 ${info.unitName}${info.unitCode ? `(${info.unitCode})` : ''},${set.name}`);
        const { catalogInForce } = await import('../shared/catalog');
        console.log(catalogInForce(info.fiscalYear, info.definitionsEdition).full);
        return 0;
      }
      case 'set': {
        const value = flags.value === true || flags.value === undefined ? need(flags, 'value') : flags.value;
        const edits = [{ table: await tableAsPrinted(file, need(flags, 'table')), row: need(flags, 'row'), col: need(flags, 'col'), value: value.trim() === '' ? null : value }];
        // --name: a 科目 the catalog lacks comes as a custom one with that name, as 添加科目 does in the app.
        const name = typeof flags.name === 'string' ? flags.name : undefined;
        if (name) await core.call('edit', { file, addCodes: [{ table: edits[0].table, code: edits[0].row, name }], cells: edits });
        else await core.call('setCells', { file, edits });
        return 0;
      }
      case 'get': {
        const view = (await core.call('getTable', { file, table: await tableAsPrinted(file, need(flags, 'table')) })) as TableView;
        console.log(flags.json ? JSON.stringify({ table: view.table, rows: view.rows }) : printTable(view));
        return 0;
      }
      case 'dump':
        console.log(JSON.stringify(await core.call('dump', { file }), null, 1));
        return 0;
      case 'load': {
        const source = need(flags, 'json');
        let doc: { fiscalYear?: unknown; unit?: { name?: unknown; code?: unknown }; template?: unknown; numbering?: unknown };
        try {
          doc = JSON.parse(fs.readFileSync(source, 'utf8'));
        } catch (error) {
          throw new ApiError('unreadable', `无法读取交换文档 ${source}:${(error as Error).message}`);
        }
        // A file made for this load appears only once the load is in (year-file-place.ts): a failure or a kill leaves none.
        const target = path.resolve(file);
        const building = fs.existsSync(target) ? undefined : buildingPathOf(target);
        let result: { cells: number; ignored: number };
        try {
          if (building) await core.call('createYear', { file: building, fiscalYear: doc.fiscalYear, unitName: doc.unit?.name, unitCode: doc.unit?.code, template: doc.template, numbering: doc.numbering });
          result = (await core.call('load', { file: building ?? file, doc })) as typeof result;
          if (building) {
            core.close();
            placeBuilt(building, target);
          }
        } finally {
          if (building) {
            core.close();
            discardBuilt(building);
          }
        }
        console.log(`已载入 ${result.cells} 个录入单元格(忽略计算/链接单元格 ${result.ignored} 个)`);
        return 0;
      }
      case 'catalog':
        return await (await loadWorkbookVerbs()).catalogVerb(core, file, flags);
      case 'report':
        return await (await import('./core/report/cli-verb')).reportVerb(core, file, flags);
      case 'export':
        return await (await loadWorkbookVerbs()).exportVerb(core, file, flags);
      case 'import':
        return await (await loadWorkbookVerbs()).importVerb(core, file, flags);
      case 'scores':
        return await (await import('./core/forms/scores-cli')).scoresVerb(core, file, flags);
      default:
        throw new ApiError('refused', `未知命令“${verb}”\n${USAGE}`);
    }
  } finally {
    core.close();
  }
}

run(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    if (error instanceof ApiError) {
      console.error(`错误:${inFlagWords(error.message)}`);
      process.exitCode = error.kind === 'unreadable' ? 2 : 1;
    } else {
      // Said in words; the stack only when a developer asks for it.
      console.error(`内部错误:${(error as Error).message ?? error}。请把出错时的文件和操作告诉技术支持。`);
      if (process.env.JUESUAN_DEBUG) console.error((error as Error).stack);
      process.exitCode = 2;
    }
  },
);
