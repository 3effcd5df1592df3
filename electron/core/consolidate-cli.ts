/**
 * consolidate --out 汇总.sqlite --unit "主管部门" [--code C] [--adjust auto|none] [--offsets 调整.json]
 *             [--confirm] [--preview] [--jobs N] FILE… | FOLDER
 * consolidate --rebuild 汇总.sqlite [--adjust auto] [--confirm]
 * Prints what was summed, the offsets and every unit's problems. Writes only when nothing is
 * listed, or when --confirm accepts what is; exit 1 when a unit was refused.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../shared/contract';
import { FLOWS, FRAMEWORKS_NOTE, unitFrameworkScore, unitFrameworkTitle, type ConsolidationPlan, type Offset } from '../../shared/consolidation';
import { planConsolidation, rebuildRequest, writeConsolidation, type ConsolidateRequest } from './consolidate';
import { expandPaths } from './read-unit-file';

export async function consolidateVerb(argv: string[]): Promise<number> {
  const files: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) files.push(arg);
    else if (['--confirm', '--preview'].includes(arg)) flags[arg.slice(2)] = true;
    else if (argv[i + 1] === undefined || argv[i + 1].startsWith('--')) throw new ApiError('refused', `参数 ${arg} 缺少取值`);
    else flags[arg.slice(2)] = argv[++i];
  }
  const text = (name: string) => (typeof flags[name] === 'string' ? (flags[name] as string) : undefined);
  const adjust = text('adjust') ?? 'auto';
  if (adjust !== 'auto' && adjust !== 'none') throw new ApiError('refused', `--adjust 只能是 auto 或 none`);
  const resolve = (file: string) => path.resolve(file);
  const jobs = text('jobs') === undefined ? undefined : Number(text('jobs'));
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 0 && jobs <= 64)) throw new ApiError('refused', '--jobs 应为 0–64 的整数(0 = 不用并行)');

  let out: string;
  let request: ConsolidateRequest;
  const rebuild = text('rebuild');
  if (rebuild) {
    out = path.resolve(rebuild);
    const found = rebuildRequest(out, resolve);
    request = flags.adjust ? { ...found.request, adjust, offsets: undefined } : found.request;
    console.log(found.changed.length ? `自上次汇总以来有变化的单位文件:\n${found.changed.map((file) => `  ${file}`).join('\n')}` : '单位文件自上次汇总以来没有变化');
  } else {
    out = path.resolve(text('out') ?? fail('缺少参数 --out'));
    const unitName = text('unit') ?? fail('缺少参数 --unit(汇总单位,即主管部门名称)');
    const inputs = expandPaths(files).filter((file) => path.resolve(file) !== out);
    if (!inputs.length) fail('缺少要汇总的单位文件');
    request = { files: inputs, resolve, unitName, unitCode: text('code'), adjust, offsets: readOffsets(text('offsets')) };
  }

  const consolidation = await planConsolidation({ ...request, jobs });
  const { plan } = consolidation;
  console.log(describePlan(plan));
  const refused = plan.problems.some((problem) => problem.refused);
  if (flags.preview) return refused ? 1 : 0;
  if (plan.problems.length && !flags.confirm) {
    console.log('以上问题需要确认:未写入任何文件。确认后加 --confirm 重新运行。');
    return 1;
  }
  writeConsolidation(out, consolidation);
  console.log(`${rebuild ? '已重新汇总' : '已汇总'}到 ${out}`);
  return refused ? 1 : 0;
}

function fail(message: string): never {
  throw new ApiError('refused', message);
}

/** --offsets: the 调整表 as edited, a JSON array of offsets (the plan's `offsets`). */
function readOffsets(file: string | undefined): Offset[] | undefined {
  if (!file) return undefined;
  try {
    const offsets = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (!Array.isArray(offsets)) throw new Error('应为调整数组');
    return offsets.map((offset: Offset) => ({ ...offset, payer: { ...offset.payer, file: path.resolve(offset.payer.file) }, receiver: { ...offset.receiver, file: path.resolve(offset.receiver.file) } }));
  } catch (error) {
    throw new ApiError('unreadable', `无法读取调整表 ${file}:${(error as Error).message}`);
  }
}

export function describePlan(plan: ConsolidationPlan): string {
  const lines = [`汇总单位:${plan.unitName}  年度:${plan.fiscalYear}  表样:${plan.template}表  汇总单位数:${plan.units.length}`];
  for (const unit of plan.units) {
    const members = unit.members.length ? `(节点汇总,含 ${unit.members.length} 个单位)` : '';
    const forms = unit.forms.length ? `  绩效自评表 ${unit.forms.length} 张(按单位列出,不相加)` : '';
    lines.push(`  已汇总  ${unit.unitName}${unit.unitCode ? ` [${unit.unitCode}]` : ''}${members}  错误 ${unit.errors} 警告 ${unit.warnings}${forms}  ${unit.file}`);
  }
  const frameworks = plan.units.flatMap((unit) => unit.frameworks);
  if (frameworks.length) {
    lines.push(`评价指标体系 ${frameworks.length} 张:${FRAMEWORKS_NOTE}`);
    for (const entry of frameworks) lines.push(`  ${entry.unitName}  ${unitFrameworkTitle(entry)}  合计得分 ${unitFrameworkScore(entry)}`);
  }
  for (const problem of plan.problems) lines.push(`  ${problem.refused ? '未汇总' : '提示'}  ${problem.unitName ?? ''}  ${problem.file}:${problem.message}`);
  const flowLabel = (id: string) => FLOWS.find((flow) => flow.id === id)!.label;
  lines.push(plan.offsets.length ? `调整(抵销内部往来)${plan.offsets.length} 笔:` : '调整:无');
  for (const offset of plan.offsets) {
    lines.push(`  ${flowLabel(offset.flow)}  ${offset.amount} 万元  付:${offset.payer.file} ${offset.payer.row}  收:${offset.receiver.file} ${offset.receiver.row}`);
  }
  for (const item of plan.unmatched) lines.push(`  未抵销的内部往来:${item.file} ${item.table} ${item.row} 第${item.col}栏 ${item.amount} 万元`);
  if (plan.changes.length) {
    lines.push(`调整前后(${plan.changes.length} 个单元格):`);
    for (const change of plan.changes.slice(0, 40)) lines.push(`  ${change.table} ${change.label} 第${change.col}栏:${change.before ?? '空'} → ${change.after ?? '空'}`);
    if (plan.changes.length > 40) lines.push(`  ……另有 ${plan.changes.length - 40} 个单元格`);
  }
  lines.push(`公开01表 总计:${plan.total.before ?? '0.00'}${plan.offsets.length ? ` → ${plan.total.after ?? '0.00'}(调整后)` : ''}`);
  return lines.join('\n');
}
