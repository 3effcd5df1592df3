import fs from 'node:fs';
import path from 'node:path';

/** Kept short: a clerk mails this file to whoever supports them. */
const MAX_LOG_BYTES = 1024 * 1024;

export interface AppLog {
  file: string;
  write(message: string): void;
}

/**
 * The desktop app's log in its user-data folder (…/决算通/logs/决算通.log): a Windows user sees
 * no console, so every startup failure and unexpected error lands here with a time stamp.
 */
export function openAppLog(userDataDir: string): AppLog {
  const dir = path.join(userDataDir, 'logs');
  const file = path.join(dir, '决算通.log');
  return {
    file,
    write(message) {
      try {
        fs.mkdirSync(dir, { recursive: true });
        if (fs.existsSync(file) && fs.statSync(file).size > MAX_LOG_BYTES) fs.renameSync(file, `${file}.1`);
        fs.appendFileSync(file, `${new Date().toISOString()} ${message}\n`);
      } catch {
        // A log that cannot be written must not turn into a second failure.
      }
    },
  };
}

/** What the startup-failure dialog says: the reason, in the clerk's words first, and where the log is. */
export function startupFailureMessage(error: unknown, logFile: string): { title: string; content: string } {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    title: '决算通无法启动',
    content: `启动时出错:${reason}\n\n详细记录已保存在日志文件:\n${logFile}\n\n请将该文件发给技术支持人员。`,
  };
}
