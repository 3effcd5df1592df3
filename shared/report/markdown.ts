/** The document as Markdown: headings, sentences, the clerk's texts, tables as pipe tables. */
import type { ModelView } from '../rules/types';
import { TABLES } from '../tables';
import { printTable, tableNotes } from './table-print';
import { blankText, sentenceText, type ReportDoc } from './types';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function toMarkdown(doc: ReportDoc, model: ModelView): string {
  const out: string[] = [`# ${doc.title}`, '', ...doc.coverLines.map((line) => `${line}  `), ''];
  for (const block of doc.blocks) {
    switch (block.kind) {
      case 'toc':
        out.push('## 目录', '', ...doc.blocks.flatMap((b) => (b.kind === 'heading' && b.level <= 2 ? [`${b.level === 2 ? '  ' : ''}- ${b.text}`] : [])), '');
        break;
      case 'heading':
        out.push(`${'#'.repeat(block.level + 1)} ${block.text}`, '');
        break;
      case 'paragraph':
        for (const sentence of block.sentences) {
          const text = sentenceText(sentence);
          if (text) out.push(text, '');
        }
        break;
      case 'text':
        out.push(block.text.trim() ? block.text.trim().split('\n').join('\n\n') : blankText(block.label), '');
        break;
      case 'chart':
        out.push(`*${block.caption}*`, '');
        break;
      case 'table': {
        const def = TABLES.get(block.table)!;
        const printed = printTable(def, model);
        out.push(`**${block.label} ${block.title}**`, '', '金额单位:万元', '');
        out.push(`| ${printed.names.map(cell).join(' | ')} |`);
        out.push(`|${printed.numeric.map((numeric) => (numeric ? ' ---: ' : ' --- ')).join('|')}|`);
        for (const line of printed.body) out.push(`| ${line.map(cell).join(' | ')} |`);
        out.push('', ...tableNotes(def, printed).flatMap((note) => [note, '']));
        break;
      }
    }
  }
  return out.join('\n');
}
