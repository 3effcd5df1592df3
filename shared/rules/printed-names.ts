/**
 * R-I02: a 科目 row whose name, as a workbook or interchange document printed it, names another
 * 科目 than its code does (issue 17 item 11). The import keeps the printed name (year file table
 * printed_names) while it contradicts the catalog; the 审核 reports it at that row until the clerk
 * takes the catalog name (采用目录名称, an ordinary undoable change). A former name of the same code
 * (文化体育与传媒支出 for 207) is a rename, said as such; a different wording of the same name
 * (spaces, full-width characters, 支出 left off, a shortened name) is no contradiction.
 */
import type { RuleDef } from './types';

/** Printed 科目 names: table → code → name as printed. */
export type PrintedNames = Map<string, Map<string, string>>;

export const NAME_RULE_ID = 'R-I02';

/** Half-width, no spaces, one kind of bracket, no "(类)" tag or trailing 支出: the wording, not the name. */
function plain(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '')
    .replace(/[【〔[]/g, '(')
    .replace(/[】〕\]]/g, ')')
    .replace(/\((类|款|项)\)$/, '')
    .replace(/支出$/, '');
}

/** A printed name that names another 科目 (not merely a shorter, longer or differently spaced wording of the same). */
export function namesContradict(printed: string, official: string): boolean {
  const [a, b] = [plain(printed).replace(/\([^)]*\)/g, ''), plain(official).replace(/\([^)]*\)/g, '')];
  return a !== '' && b !== '' && !a.includes(b) && !b.includes(a);
}

/** The code's current name when `printed` is a name the code had before (shared/catalog/versions.ts). */
export type FormerNameOf = (text: string) => { code: string; currentName: string } | undefined;

export function renamedTo(code: string, printed: string, formerNameOf: FormerNameOf): string | undefined {
  for (const text of [printed, `${plain(printed)}支出`, plain(printed)]) {
    const former = formerNameOf(text);
    if (former?.code === code) return former.currentName;
  }
  return undefined;
}

export const NAME_RULE: RuleDef = {
  id: NAME_RULE_ID,
  title: '导入文件中科目名称与科目代码一致',
  severity: 'warning',
  reads: ['T02', 'T03', 'T05', 'T07', 'T08 科目名称'],
  check(ctx) {
    for (const [table, names] of ctx.printedNames) {
      for (const [code, printed] of names) {
        const official = ctx.model.row(table, code)?.label;
        if (!official || !namesContradict(printed, official)) continue;
        const where = `${table} 科目 ${code}`;
        const renamed = renamedTo(code, printed, ctx.formerNameOf);
        ctx.emit({
          severity: 'warning',
          table,
          row: code,
          col: '',
          message: renamed
            ? `${where} 的名称印为“${printed}”,是该科目的旧名称,科目表中该科目已更名为“${renamed}”。请点“采用目录名称”改用新名称`
            : `${where} 的名称印为“${printed}”,而科目表中代码 ${code} 的名称是“${official}”,代码与名称不符。请核对科目代码是否写错:代码有误请删除此行后按正确代码录入,代码无误请点“采用目录名称”`,
          expected: null,
          actual: null,
        });
      }
    }
  },
};

/**
 * One name per code from the printed names of all tables (the first table's, in table order): the
 * name of a 类 or 款 that no catalog names, as the imported file printed it. Core and renderer both
 * name rows through this, so a row reads the same on both sides.
 */
export function nameByCode(names: PrintedNames): Map<string, string> {
  const byCode = new Map<string, string>();
  for (const table of [...names.keys()].sort()) for (const [code, name] of names.get(table)!) if (!byCode.has(code)) byCode.set(code, name);
  return byCode;
}

/** Printed names as the API carries them: table → code → name. */
export function printedNamesFromDoc(doc: Record<string, Record<string, string>> | null | undefined): PrintedNames {
  return new Map(Object.entries(doc ?? {}).map(([table, names]) => [table, new Map(Object.entries(names))]));
}

/** The same, back to the API's shape. */
export function printedNamesToDoc(names: PrintedNames): Record<string, Record<string, string>> {
  const doc: Record<string, Record<string, string>> = {};
  for (const [table, byCode] of names) if (byCode.size) doc[table] = Object.fromEntries(byCode);
  return doc;
}
