/**
 * The app's door to 汇总 and batch 审核: the contract's planConsolidation, consolidate, drillDown,
 * validateFolder and exportValidationReport over the year files of the data folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ApiError, type Api } from '../../shared/contract';
import { planConsolidation, rebuildRequest, writeConsolidation } from './consolidate';
import { drillDown } from './consolidate-drill';
import { unitFramework } from './consolidate-frameworks';
import { YearStore } from './store';
import { validateFiles } from './validate-files';

type GroupApi = Pick<Api, 'planConsolidation' | 'consolidate' | 'drillDown' | 'consolidationRecord' | 'unitFramework' | 'validateFolder' | 'exportValidationReport'>;

/**
 * `resolveFile` checks a name against the data folder; `release` closes the core's own session of a
 * file about to be replaced (a 汇总 rebuilt while it is open).
 */
/**
 * `hooks.settle` brings a year file this process is editing up to date on disk (its WAL checkpointed)
 * before it is read as a unit file, which is read from its bytes; `hooks.release` closes an edited
 * file before a 汇总 result replaces it.
 */
export function groupApi(options: { resolveFile(file: string): string; dataDir?: string }, hooks: { settle(fullPath: string): void; release(fullPath: string): void }): GroupApi {
  const folder = () => {
    if (!options.dataDir) throw new ApiError('refused', '批量审核只在应用中可用');
    return options.dataDir;
  };
  const settled = (fullPath: string) => {
    hooks.settle(fullPath);
    return fullPath;
  };
  const yearFiles = () => (fs.existsSync(folder()) ? fs.readdirSync(folder()).filter((name) => name.endsWith('.sqlite') && !name.startsWith('.')) : []).map((name) => settled(path.join(folder(), name)));
  const resolve = (file: string) => settled(options.resolveFile(file));
  return {
    async planConsolidation(args) {
      return (await planConsolidation({ ...args, resolve })).plan;
    },
    async consolidate({ out, ...args }) {
      const consolidation = await planConsolidation({ ...args, resolve });
      if (args.files.includes(out)) throw new ApiError('refused', `汇总结果不能写入参加汇总的文件 ${out}`);
      const target = resolve(out);
      hooks.release(target);
      writeConsolidation(target, consolidation);
      const store = YearStore.open(target);
      try {
        return { plan: consolidation.plan, info: store.info(out) };
      } finally {
        store.close();
      }
    },
    async drillDown({ file, table, row, col }) {
      return drillDown(resolve(file), table, row, col);
    },
    async consolidationRecord({ out }) {
      const { request, changed } = rebuildRequest(resolve(out), resolve);
      return { files: request.files, unitName: request.unitName, unitCode: request.unitCode ?? '', offsets: request.offsets ?? [], changed };
    },
    async unitFramework({ file, ...key }) {
      return unitFramework(resolve(file), file, key);
    },
    async validateFolder() {
      const reports = await validateFiles(yearFiles());
      return reports.map((report) => ({ ...report, file: path.basename(report.file) }));
    },
    async exportValidationReport() {
      const reports = await validateFiles(yearFiles());
      // exceljs loads only when a report is asked for: an import or export in the same process never needs it.
      const { reportWorkbook } = await import('./validate-report');
      const bytes = await reportWorkbook(reports);
      return { name: '审核汇总.xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', dataBase64: bytes.toString('base64') };
    },
  };
}
