export * from './types';
export * from './format';
export { OUTLINES, outlineFor, type ReportOutline, type OutlineId, type ChartId, type GeneratorId } from './outline';
export { buildReport, sentencesOf, sentenceSources, type BuiltReport, type BuildOptions } from './build';
export { Writer, REASON_PREFIX, type ReportSource, type ReportText, type Quantity } from './writer';
export { chartData, type ChartData } from './charts';
export { DEFAULT_GLOSSARY, GLOSSARY_KEY } from './glossary';
export { BUDGET_KEY, initialBudget } from './sections-gpb';
