export * from './types';
export { validateYear, summarise, canSubmit, planRules, skipReason, type Counts } from './validate';
export { RULE_SETS, ruleSetFor } from './registry';
export { tolerance, relation, CheckContext, type Relation, type Comparison } from './context';
export { baselineView, baselineFromDoc, type BaselineCells } from './baseline-view';
export { SUPP_FIELDS, VEHICLE_TYPES, parseSupplementary, suppFieldOf, SuppError, type SuppField, type SuppKind } from './supplementary';
export { PRINTED_RULE_ID, printedFromDoc, reproducedPrinted, type PrintedCells } from './printed';
export { NAME_RULE_ID, nameByCode, namesContradict, printedNamesFromDoc, printedNamesToDoc, type PrintedNames } from './printed-names';
export { pointToUnits, unitFixes, type UnitFigures, type UnitFixes } from './consolidated';
