/** validate 路径… [--json] [--report 审核汇总.xlsx] [--jobs N]: batch 审核 on the command line. */
import { writeFileAtomic } from './atomic-write';
import { ApiError } from '../../shared/contract';
import { exitCodeOf, formatReport, validateFiles } from './validate-files';

export async function validateVerb(argv: string[]): Promise<number> {
  const paths: string[] = [];
  let report: string | undefined;
  let jobs: number | undefined;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') json = true;
    else if (arg === '--report') report = argv[++i] ?? fail('参数 --report 缺少文件名');
    else if (arg === '--jobs') {
      jobs = Number(argv[++i]);
      if (!Number.isInteger(jobs) || jobs < 0 || jobs > 64) fail('--jobs 应为 0–64 的整数(0 = 不用并行)');
    } else if (arg.startsWith('--')) fail(`无法识别的参数“${arg}”`);
    else paths.push(arg);
  }
  if (!paths.length) fail('缺少要审核的文件');
  const reports = await validateFiles(paths, { jobs });
  if (!reports.length) fail(`没有可审核的文件:${paths.join('、')} 中没有年度文件(.sqlite)或工作簿(.xlsx、.xls)`);
  if (report) {
    const { reportWorkbook } = await import('./validate-report');
    writeFileAtomic(report, await reportWorkbook(reports));
  }
  console.log(json ? JSON.stringify({ files: reports }) : formatReport(reports));
  if (report && !json) console.log(`审核汇总已写入 ${report}`);
  return exitCodeOf(reports);
}

function fail(message: string): never {
  throw new ApiError('refused', message);
}
