import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../atomic-write';

/** How many files 文件 › 最近打开 lists. */
const RECENT_LIMIT = 10;

/** What the desktop app remembers between starts, in settings.json of its user-data folder. */
export interface DesktopSettings {
  /** The data folder the clerk chose; absent until they choose one. */
  dataDir?: string;
  /** Year files opened lately, newest first, as full paths. */
  recent: string[];
}

export function loadSettings(userDataDir: string): DesktopSettings {
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(userDataDir, 'settings.json'), 'utf8')) as Partial<DesktopSettings>;
    return {
      dataDir: typeof parsed.dataDir === 'string' && path.isAbsolute(parsed.dataDir) ? parsed.dataDir : undefined,
      recent: Array.isArray(parsed.recent) ? parsed.recent.filter((file): file is string => typeof file === 'string' && path.isAbsolute(file)).slice(0, RECENT_LIMIT) : [],
    };
  } catch {
    return { recent: [] }; // first start, or a damaged file: start over rather than refuse to start
  }
}

export function saveSettings(userDataDir: string, settings: DesktopSettings): void {
  fs.mkdirSync(userDataDir, { recursive: true });
  writeFileAtomic(path.join(userDataDir, 'settings.json'), Buffer.from(JSON.stringify(settings, null, 1)));
}

/**
 * The recent list with `file` moved to the front (once). A file not there now stays listed: it is
 * often on a USB stick that is out for the moment (choosing it then says so).
 */
export function withRecent(recent: string[], file: string): string[] {
  return [file, ...recent.filter((other) => other !== file)].slice(0, RECENT_LIMIT);
}

/**
 * The data folder: JUESUAN_DATA_DIR (tests, scripted installs), else the folder the clerk chose,
 * else 决算通 inside the system's documents folder (a redirected Windows 文档 folder, Kylin/UOS ~/文档).
 */
export function dataDirFrom(env: NodeJS.ProcessEnv, settings: DesktopSettings, documentsDir: string): string {
  return env.JUESUAN_DATA_DIR || settings.dataDir || path.join(documentsDir, '决算通');
}

/**
 * The data folder for this start. A folder the clerk chose that is not there now (a USB stick not
 * plugged in, a network folder not connected) is not made anew in its place, where the year files
 * are not: this start uses the documents folder's 决算通 and says which folder was missing, and
 * the choice is kept for the next start.
 */
export function dataDirAtStart(env: NodeJS.ProcessEnv, settings: DesktopSettings, documentsDir: string): { dataDir: string; missing?: string } {
  if (!env.JUESUAN_DATA_DIR && settings.dataDir && !fs.existsSync(settings.dataDir)) {
    return { dataDir: dataDirFrom(env, { ...settings, dataDir: undefined }, documentsDir), missing: settings.dataDir };
  }
  return { dataDir: dataDirFrom(env, settings, documentsDir) };
}

export function missingDataDirText(missing: string, used: string): string {
  return `找不到数据文件夹 ${missing}(U 盘未插入,或网络文件夹未连接?)。\n本次使用 ${used}。\n插入 U 盘或连接后,重新启动决算通,或用“文件 › 选择数据文件夹…”重新选择。`;
}

