/**
 * The CLI's `scores` verb: 自评得分一览 of one year file, as a tab-separated table (the columns of
 * the app's page), as JSON (--json, each column's text keyed by its header), or as .xlsx (--out).
 */
import type { ExportedWorkbook } from '../../../shared/contract';
import { SCORE_COLUMNS, type ScoreSheetRow } from '../../../shared/forms/score-sheet';
import { writeFileAtomic } from '../atomic-write';
import type { createCore } from '../core';

type Core = ReturnType<typeof createCore>;
type Flags = Record<string, string | true>;

/** scores --file F [--json] [--out 得分一览.xlsx] */
export async function scoresVerb(core: Core, file: string, flags: Flags): Promise<number> {
  if (typeof flags.out === 'string') {
    const workbook = (await core.call('exportScoreSheet', { file })) as ExportedWorkbook;
    writeFileAtomic(flags.out, Buffer.from(workbook.dataBase64, 'base64'));
    console.log(`已导出 ${flags.out}`);
    return 0;
  }
  const rows = (await core.call('scoreSheet', { file })) as ScoreSheetRow[];
  if (flags.json) {
    console.log(JSON.stringify(rows.map((row) => Object.fromEntries(SCORE_COLUMNS.map((column) => [column.header, column.text(row)]))), null, 1));
  } else if (!rows.length) {
    console.log('本年度还没有绩效自评表');
  } else {
    console.log([SCORE_COLUMNS.map((column) => column.header), ...rows.map((row) => SCORE_COLUMNS.map((column) => column.text(row)))].map((cells) => cells.join('\t')).join('\n'));
  }
  return 0;
}
