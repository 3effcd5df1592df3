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

/** The recent list with `file` moved to the front (once), files that no longer exist dropped. */
export function withRecent(recent: string[], file: string): string[] {
  return [file, ...recent.filter((other) => other !== file)].filter((entry) => fs.existsSync(entry)).slice(0, RECENT_LIMIT);
}

/**
 * The data folder: JUESUAN_DATA_DIR (tests, scripted installs), else the folder the clerk chose,
 * else 决算通 inside the system's documents folder (a redirected Windows 文档 folder, Kylin/UOS ~/文档).
 */
export function dataDirFrom(env: NodeJS.ProcessEnv, settings: DesktopSettings, documentsDir: string): string {
  return env.JUESUAN_DATA_DIR || settings.dataDir || path.join(documentsDir, '决算通');
}
