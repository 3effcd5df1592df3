/**
 * `report --file F --out X.docx|X.pdf|X.md|X.html [--json] [--draft]`: the 决算公开 document of a year
 * file; the 报送版 unless --draft (refused while 审核 has errors or a required reason is missing).
 */
import path from 'node:path';
import { ApiError, type ExportedWorkbook } from '../../../shared/contract';
import { writeFileAtomic } from '../atomic-write';

type Flags = Record<string, string | true>;
type Core = { call(method: unknown, args: unknown): Promise<unknown> };

const FORMATS = ['docx', 'pdf', 'md', 'html'] as const;

export async function reportVerb(core: Core, file: string, flags: Flags): Promise<number> {
  const out = typeof flags.out === 'string' ? flags.out : undefined;
  if (!out && !flags.json) throw new ApiError('refused', '缺少参数 --out(如 --out 决算公开.docx)或 --json');
  if (flags.json) {
    const answer = (await core.call('exportReport', { file, format: 'json' })) as ExportedWorkbook;
    console.log(Buffer.from(answer.dataBase64, 'base64').toString('utf8'));
  }
  if (out) {
    const format = path.extname(out).slice(1).toLowerCase();
    if (!(FORMATS as readonly string[]).includes(format)) throw new ApiError('refused', `--out 的文件应以 .docx、.pdf、.md 或 .html 结尾:${out}`);
    const answer = (await core.call('exportReport', { file, format, draft: flags.draft === true })) as ExportedWorkbook;
    // Whole or not at all: a full disk or a kill leaves the previous document as it was.
    writeFileAtomic(out, Buffer.from(answer.dataBase64, 'base64'));
    if (!flags.json) console.log(`已生成 ${out}${flags.draft ? '(草稿)' : ''}`);
  }
  return 0;
}
