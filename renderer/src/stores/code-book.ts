import { catalogFor, functionLevel, type Catalog, type FunctionCode } from '../../../shared/catalog';
import type { YearSnapshot } from '../../../shared/contract';
import { nameByCode, printedNamesFromDoc, type PrintedNames } from '../../../shared/rules';

/**
 * The 功能分类 codes a year file knows: user-defined codes (with their names), the imported official
 * 科目 table, then the built-in catalog. Names resolve in that order, then as an imported file printed
 * them (a 类 or 款 none of the three names; the core's YearSession.nameOf alike); search covers the three.
 */
export class CodeBook {
  constructor(
    private readonly custom = new Map<string, string>(),
    private readonly official = new Map<string, string>(),
    /** The built-in catalog of the file's fiscal year and definitions edition. */
    private readonly catalog: Catalog = catalogFor(),
    private printed = new Map<string, string>(),
  ) {}

  static fromSnapshot(snapshot: YearSnapshot): CodeBook {
    return new CodeBook(
      new Map(Object.values(snapshot.tables).flatMap((doc) => Object.entries(doc.names ?? {}))),
      new Map(snapshot.catalog.filter((entry) => entry.kind === 'function').map((entry) => [entry.code, entry.name])),
      catalogFor(snapshot.info.fiscalYear, snapshot.info.definitionsEdition),
      nameByCode(printedNamesFromDoc(snapshot.printedNames)),
    );
  }

  name(code: string): string | undefined {
    return this.custom.get(code) ?? this.official.get(code) ?? this.catalog.functionName(code) ?? this.printed.get(code);
  }

  /** The year's printed names changed (a name written for a row no catalog names, or its undo). */
  setPrinted(names: PrintedNames): void {
    this.printed = nameByCode(names);
  }

  isCustom(code: string): boolean {
    return this.custom.has(code);
  }

  /** The year's official 科目 table was imported (its names come first). */
  hasOfficial(): boolean {
    return this.official.size > 0;
  }

  /** Known without a user-supplied name. */
  isKnown(code: string): boolean {
    return this.official.has(code) || this.catalog.functionName(code) !== undefined;
  }

  addCustom(code: string, name: string): void {
    if (!this.isKnown(code)) this.custom.set(code, name);
  }

  /** Autocomplete over the official table and the built-in catalog: 项 first, official names winning. */
  search(query: string, limit: number): FunctionCode[] {
    const text = query.trim();
    const byCode = /^\d+$/.test(text);
    const official: FunctionCode[] = [...this.official]
      .filter(([code, name]) => (byCode ? code.startsWith(text) : name.includes(text)))
      .map(([code, name]) => ({ code, name, level: functionLevel(code)!, source: 'official' }));
    const seen = new Set(official.map((entry) => entry.code));
    const merged = [...official, ...this.catalog.searchFunction(text, limit).filter((entry) => !seen.has(entry.code))];
    const rank = { 项: 0, 款: 1, 类: 2 } as const;
    return merged.sort((a, b) => rank[a.level] - rank[b.level] || a.code.localeCompare(b.code)).slice(0, limit);
  }
}
