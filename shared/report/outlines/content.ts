/** Building blocks of an outline's sections (shared by outline.ts and the regional outlines). */
import type { ChartId, Content, GeneratorId, OutlineSection } from '../outline';

/** Generated sentences; `lead` replaces the generator's opening words ('' when the section title says them). */
export const gen = (generator: GeneratorId, lead?: string): Content => (lead === undefined ? { kind: 'generated', generator } : { kind: 'generated', generator, lead });
export const chart = (id: ChartId): Content => ({ kind: 'chart', chart: id });
export const text = (key: string, label: string): Content => ({ kind: 'text', key, label });
export const subheading = (title: string): Content => ({ kind: 'heading', text: title });

export const TABLES_SECTION: OutlineSection = { title: '', content: [{ kind: 'tables' }] };
export const GLOSSARY_SECTION: OutlineSection = { title: '', content: [{ kind: 'glossary' }] };
