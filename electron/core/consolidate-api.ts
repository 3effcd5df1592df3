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
import { readRecord } from './consolidate-store';
import type { CoreOptions } from './core';
import { YearStore } from './store';
import { validateFiles } from './validate-files';

type GroupApi = Pick<Api, 'planConsolidation' | 'consolidate' | 'drillDown' | 'consolidationRecord' | 'unitFramework' | 'validateFolder' | 'exportValidationReport'>;

/**
 * `hooks.settle` brings a year file this process is editing up to date on disk (its WAL checkpointed)
 * before it is read as a unit file, which is read from its bytes; `hooks.release` closes an edited
 * file before a 汇总 result replaces it. Unit files read for a 汇总 are named through
 * `options.resolveUnitFile` (the 汇总 it re-汇总s given for its recorded units), 汇总 files through `resolveFile`.
 */
export function groupApi(options: Pick<CoreOptions, 'resolveFile' | 'resolveUnitFile' | 'dataDir'>, hooks: { settle(fullPath: string): void; release(fullPath: string): void }): GroupApi {
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
  const resolveUnit = (file: string, recordedIn?: string) => settled((options.resolveUnitFile ?? options.resolveFile)(file, recordedIn));
  return {
    async planConsolidation(args) {
      return (await planConsolidation({ ...args, resolve: resolveUnit })).plan;
    },
    async consolidate({ out, ...args }) {
      const consolidation = await planConsolidation({ ...args, resolve: resolveUnit });
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
      const consolidated = resolve(out);
      const outside: string[] = [];
      const { request, changed } = rebuildRequest(consolidated, (file) => {
        try {
          return resolveUnit(file, consolidated);
        } catch (error) {
          if (error instanceof ApiError && error.kind === 'refused' && path.isAbsolute(file)) outside.push(file);
          throw error;
        }
      });
      if (outside.length) throw new ApiError('refused', outsideMessage(consolidated, outside));
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

/**
 * A 汇总 made by the CLI records its unit files by full path; the browser mode reads only the data
 * folder's files, so it says which units are elsewhere and where, not that they changed.
 */
function outsideMessage(consolidated: string, outside: string[]): string {
  const store = YearStore.open(consolidated);
  let units;
  try {
    units = readRecord(store).units;
  } finally {
    store.close();
  }
  const named = outside.map((file) => `${units.find((unit) => unit.file === file)?.unitName ?? '单位'}:${file}`);
  return `无法按原汇总重新汇总:${outside.length} 个单位文件不在数据文件夹中(${named.join(';')})。浏览器版只能读取数据文件夹中的年度文件:请把它们复制到数据文件夹后在上方选择单位文件重新汇总,或用桌面版按原汇总重新汇总`;
}
