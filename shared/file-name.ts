/**
 * Names of year files in the app's data folder: plain names that work and read the same on Windows,
 * Kylin/UOS and in a file list. Refused: folders and path tricks, control characters (a newline makes
 * a name print as two), bidirectional overrides (U+202E makes "xlsx.exe" read "exe.xlsx"), Windows
 * reserved device names (CON, NUL, COM1 …, with any extension) and names ending in a dot or space.
 */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

/** Why `name` cannot be a year file's name, or undefined when it can. */
export function yearFileNameProblem(name: string): string | undefined {
  if (!name.toLowerCase().endsWith('.sqlite') || name.length > 200) return '只能是数据目录中以 .sqlite 结尾的文件名';
  if (/[/\\:*?"<>|]/.test(name) || name.startsWith('.')) return '不能含有 / \\ : * ? " < > | 或以“.”开头';
  if (INVISIBLE.test(name)) return '含有换行、控制字符或改变文字方向的隐藏字符';
  if (RESERVED.test(name.slice(0, -'.sqlite'.length)) || RESERVED.test(name)) return '是 Windows 保留的设备名(如 CON、NUL、COM1)';
  if (/[. ]\.sqlite$/i.test(name) || name.trim() !== name) return '不能以空格或“.”结尾';
  return undefined;
}
