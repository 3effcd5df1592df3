/**
 * The latest 审核 of each open year, kept while nothing in the year has changed: an export right
 * after `validate` or after another export (报送版 then 草稿, .xlsx then .xls) reuses it instead of
 * running the whole 审核 again (about a quarter of exporting a 5,000-row year). Every stored change
 * counts up the store's revision (store.ts), so a kept result never outlives the data it checked.
 */
import type { Finding } from '../../shared/rules';
import type { YearSession } from './year-session';

const latest = new WeakMap<YearSession, { revision: number; findings: Finding[] }>();

/** Runs the 审核 and keeps its result for currentFindings. */
export function freshFindings(session: YearSession): Finding[] {
  const findings = session.findings();
  latest.set(session, { revision: session.store.revision, findings });
  return findings;
}

/** The kept result when the year is unchanged since, else a fresh run. Callers only read it. */
export function currentFindings(session: YearSession): Finding[] {
  const kept = latest.get(session);
  return kept && kept.revision === session.store.revision ? kept.findings : freshFindings(session);
}
