import { formatAmount, parseAmount } from '../money';
import { CELL_KEY_SEPARATOR, cellKey, emptyInputs, type YearInputs } from './engine';

/** Table inputs as documents carry them: 项 codes and row → 栏次 → decimal string (万元). */
export interface InputsDoc {
  codes?: string[];
  cells: Record<string, Record<string, string>>;
}

/** Turns documents (a snapshot, a fixture) into the engine's inputs; the strings must be valid amounts. */
export function inputsFromDocs(docs: Record<string, InputsDoc>): YearInputs {
  const inputs: YearInputs = {};
  for (const [id, doc] of Object.entries(docs)) {
    const table = (inputs[id] = emptyInputs());
    for (const code of doc.codes ?? []) table.codes.add(code);
    for (const [row, cols] of Object.entries(doc.cells)) {
      for (const [col, text] of Object.entries(cols)) table.cells.set(cellKey(row, col), parseAmount(text)!);
    }
  }
  return inputs;
}

/** The engine's inputs as documents carry them (inputsFromDocs's inverse): codes sorted, amounts as decimal strings. */
export function docsFromInputs(inputs: YearInputs): Record<string, InputsDoc> {
  const docs: Record<string, InputsDoc> = {};
  for (const [id, table] of Object.entries(inputs)) {
    const cells: InputsDoc['cells'] = {};
    for (const [key, value] of table.cells) {
      const bar = key.indexOf(CELL_KEY_SEPARATOR);
      (cells[key.slice(0, bar)] ??= {})[key.slice(bar + 1)] = formatAmount(value)!;
    }
    docs[id] = table.codes.size ? { codes: [...table.codes].sort(), cells } : { cells };
  }
  return docs;
}
