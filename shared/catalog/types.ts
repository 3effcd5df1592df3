/**
 * Where a name comes from: printed with its code in a seed, the official 科目 table, inferred from a
 * seed narrative, or quoted from a published change notice (财预 documents, 科目增补).
 */
export type CodeSource = 'seed' | 'official' | 'inferred' | 'document';
