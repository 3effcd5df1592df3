/** Reading one unit file for 汇总: who, which year and template, its 审核 counts, forms and input cells. */
import { ApiError, type Numbering, type TemplateSet } from '../../shared/contract';
import type { FormRegion } from '../../shared/forms/regions';
import type { ConsolidatedUnit } from '../../shared/consolidation';
import { readsProjects } from '../../shared/forms/framework-entry';
import { nameByCode } from '../../shared/rules';
import type { YearInputs } from '../../shared/tables';
import { isConsolidation, readRecord } from './consolidate-store';
import { frameworksDump, projectExecutions } from './frameworks';
import { withUnitFile, type UnitFileStamp } from './read-unit-file';
import { plainInputs } from './store-inputs';
import type { YearSession } from './year-session';

export interface ReadUnit extends ConsolidatedUnit {
  fiscalYear: number;
  template: TemplateSet;
  formRegion: FormRegion;
  numbering: Numbering;
  inputs: YearInputs;
  /** User-defined 项 names, and the printed names of 类/款 no catalog names (kept from an imported workbook). */
  customNames: Map<string, string>;
}

/**
 * `file` is how the unit is named in the plan, `full` where it is. The result crosses threads (Maps
 * and Sets clone, an ApiError would not): a file that cannot be read comes back as `unreadable`.
 */
export async function readUnit(file: string, full: string): Promise<ReadUnit | { unreadable: string }> {
  try {
    return await withUnitFile(full, (session, stamp) => read(file, session, stamp));
  } catch (error) {
    if (error instanceof ApiError) return { unreadable: error.message };
    throw error;
  }
}

/** A unit's names for rows neither catalog names (21208 above its custom 项), as its import kept them. */
function namesNoCatalogGives(session: YearSession): [string, string][] {
  return [...nameByCode(session.store.loadPrintedNames())].filter(([code]) => !session.catalog.functionName(code) && !session.store.catalogCodes().some((entry) => entry.code === code));
}

function read(file: string, session: YearSession, stamp: UnitFileStamp): ReadUnit {
  const info = session.info;
  const findings = session.findings();
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const record = isConsolidation(session.store) ? readRecord(session.store) : undefined;
  return {
    file,
    unitName: stamp.unitName ?? info.unitName,
    unitCode: info.unitCode,
    sha256: stamp.sha256,
    modifiedAt: stamp.modifiedAt,
    errors,
    warnings: findings.length - errors,
    forms: session.forms().map((form) => ({ subject_type: form.subject_type, subject_code: form.subject_code ?? '', subject_name: form.subject_name ?? '' })),
    members: record ? record.units.flatMap((unit) => (unit.members.length ? unit.members : [{ unitName: unit.unitName, unitCode: unit.unitCode, file: unit.file }])) : [],
    // As the unit's dump gives them (totals settled); a 节点汇总 passes on its units' as well.
    frameworks: [
      ...(frameworksDump(session).frameworks ?? []).map((doc) => ({
        unitName: stamp.unitName ?? info.unitName,
        unitCode: info.unitCode,
        doc,
        ...(readsProjects(doc.framework.framework) ? { projects: projectExecutions(session) } : {}),
      })),
      ...(record?.units.flatMap((unit) => unit.frameworks) ?? []),
    ],
    fiscalYear: info.fiscalYear,
    template: info.template,
    formRegion: info.formRegion,
    numbering: info.numbering,
    inputs: plainInputs(session.store.loadInputs()),
    customNames: new Map([...namesNoCatalogGives(session), ...session.store.customNames()]),
  };
}
