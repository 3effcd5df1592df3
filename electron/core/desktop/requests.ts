/** Checks of what the renderer asks the main process for outside the core contract. */

/** Largest workbook the save handler writes (the core's own exports are far smaller). */
const MAX_SAVE_BYTES = 64 * 1024 * 1024;

/** An exported workbook to save: a plain file name (no folders) ending .xlsx/.xls, and its bytes in base64. */
export function checkSaveRequest(name: unknown, dataBase64: unknown): { name: string; extension: 'xlsx' | 'xls'; bytes: Buffer } | null {
  if (typeof name !== 'string' || typeof dataBase64 !== 'string') return null;
  // eslint-disable-next-line no-control-regex
  if (!name || name.length > 200 || /[\\/:*?"<>|\u0000-\u001f\u202a-\u202e]/.test(name) || name.startsWith('.')) return null;
  const extension = /\.(xlsx|xls)$/i.exec(name)?.[1].toLowerCase() as 'xlsx' | 'xls' | undefined;
  if (!extension) return null;
  if (dataBase64.length > (MAX_SAVE_BYTES / 3) * 4 + 4 || !/^[A-Za-z0-9+/]*={0,2}$/.test(dataBase64)) return null;
  return { name, extension, bytes: Buffer.from(dataBase64, 'base64') };
}

/** IPC is answered only for the app's own page, never for anything it might have loaded. */
export function isAppPage(frameUrl: string | undefined, appOrigin: string): boolean {
  return !!frameUrl && frameUrl.startsWith(`${appOrigin}/`);
}

/**
 * Permissions the app's page may use: writing to the clipboard (copying cells out). Everything
 * else (camera, notifications, geolocation, reading the clipboard without a paste…) is denied.
 */
export function permissionAllowed(permission: string, requestingUrl: string | undefined, appOrigin: string): boolean {
  return permission === 'clipboard-sanitized-write' && isAppPage(requestingUrl, appOrigin);
}
