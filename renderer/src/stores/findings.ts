import type { Finding } from '../../../shared/rules';

/** Severity per cell ("table|row|col"; col "" marks a whole row), errors winning over warnings. */
export function findingsByCell(findings: Finding[]): Map<string, 'error' | 'warning'> {
  const marks = new Map<string, 'error' | 'warning'>();
  for (const finding of findings) {
    const key = `${finding.table}|${finding.row}|${finding.col}`;
    if (marks.get(key) !== 'error') marks.set(key, finding.severity);
  }
  return marks;
}

let lastFindings: Finding[] | null = null;
let lastMarks = new Map<string, 'error' | 'warning'>();

/** findingsByCell of the store's current findings, worked out once per 审核 however many cells ask. */
export function marksOf(findings: Finding[]): Map<string, 'error' | 'warning'> {
  if (findings !== lastFindings) {
    lastMarks = findingsByCell(findings);
    lastFindings = findings;
  }
  return lastMarks;
}
