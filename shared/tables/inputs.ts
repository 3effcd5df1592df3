import { parseAmount } from '../money';
import { cellKey, emptyInputs, type YearInputs } from './engine';

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
