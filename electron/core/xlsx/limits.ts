import { MAX_FORMS } from '../../../shared/contract';

/**
 * A full year (9 tables, 300 项 rows each) is about 120 KB zipped and 2 MB inflated; these bounds
 * leave room for other tools' styling while keeping what a read holds in memory to a few hundred MB.
 */
export const LIMITS = {
  fileBytes: 20 * 1024 * 1024,
  inflatedBytes: 32 * 1024 * 1024,
  rows: 10_000,
  cols: 256,
  /** Cells saved in one sheet's XML: a full 公开02表 has a few thousand. */
  cells: 300_000,
  /** What we export at most: the annex tables, 审核说明 and one sheet per 绩效自评 form. */
  sheets: MAX_FORMS + 20,
  /** Parts of the zip: each sheet is one, with a few shared ones (styles, strings, rels) besides. */
  zipEntries: (MAX_FORMS + 20) * 2 + 100,
};
