/**
 * One unit's 评价指标体系 as a 汇总 keeps it (issue 15), for the 汇总 page to show read-only: found in
 * the 汇总's record by the unit (编码, or 名称 for a unit without one) and the framework (kind and
 * 项目编码), exactly as the unit reported it.
 */
import { ApiError } from '../../shared/contract';
import type { UnitFramework } from '../../shared/consolidation';
import type { FrameworkKind } from '../../shared/forms/framework';
import { FRAMEWORK_DEFS } from '../../shared/forms/framework-entry';
import { isConsolidation, readRecord } from './consolidate-store';
import { YearStore } from './store';

export interface UnitFrameworkKey {
  unitCode: string;
  unitName: string;
  kind: FrameworkKind;
  subject_code: string;
}

export function unitFramework(file: string, name: string, key: UnitFrameworkKey): UnitFramework {
  const store = YearStore.open(file);
  try {
    if (!isConsolidation(store)) throw new ApiError('refused', `${name} 不是汇总结果`);
    // A 节点汇总's units carry the frameworks of the units it holds: every one is listed by its own unit.
    const found = readRecord(store)
      .units.flatMap((unit) => unit.frameworks)
      .find((entry) => sameUnit(entry, key) && entry.doc.framework.framework === key.kind && entry.doc.subject_code === key.subject_code);
    if (!found) {
      const def = FRAMEWORK_DEFS[key.kind];
      throw new ApiError('refused', `汇总结果 ${name} 中没有单位“${key.unitName || key.unitCode}”的${def.attachment} ${def.title}${key.subject_code ? `(项目 ${key.subject_code})` : ''}`);
    }
    return found;
  } finally {
    store.close();
  }
}

/** Units are told apart as the duplicate check does: by 编码, by 名称 when the unit has no 编码. */
function sameUnit(entry: UnitFramework, key: UnitFrameworkKey): boolean {
  return key.unitCode ? entry.unitCode === key.unitCode : !entry.unitCode && entry.unitName === key.unitName;
}
