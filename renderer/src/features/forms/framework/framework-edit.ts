/**
 * Edits of one framework as pure functions over its interchange JSON, and what the page shows of
 * it: the settled framework (shared settleFramework, the same the core stores and exports).
 */
import { formatPoints, parseDec } from '../../../../../shared/forms/decimal';
import { parseFramework, type FrameworkJson } from '../../../../../shared/forms/framework';
import { checkJudgedScore, settleFramework, withTick, type SettledFramework } from '../../../../../shared/forms/framework-entry';
import type { ProjectExecution } from '../../../../../shared/forms/scoring';

export function settle(json: FrameworkJson, projects: readonly ProjectExecution[] | null): SettledFramework {
  return settleFramework(parseFramework(json), projects);
}

type Outcome = { json: FrameworkJson } | { error: string };

/** A judged score typed into item `index`: the new framework, or why the value is refused. */
export function setScore(json: FrameworkJson, index: number, text: string): Outcome {
  const item = parseFramework(json).items[index];
  const checked = checkJudgedScore(item, text);
  if ('error' in checked) return checked;
  return { json: { ...json, items: json.items.map((it, i) => (i === index ? { ...it, self_score: formatPoints(checked.value) } : it)) } };
}

/** A measured input of item `index` (a number, or one of a choice rule's words). */
export function setInput(json: FrameworkJson, index: number, name: string, text: string): Outcome {
  const value = text.trim();
  const rule = json.items[index].rule;
  const isChoice = rule?.type === 'choice';
  const number = value === '' || isChoice ? null : parseDec(value);
  if (value !== '' && !isChoice && !number) return { error: `“${text}”不是数字` };
  // Judged on the number, not the text: a full-width "１．５" is 1.5 too.
  if (number && rule?.type === 'per_case' && (number.scale > 0 || number.coef < 0n)) return { error: '例数须为不小于 0 的整数' };
  return {
    json: {
      ...json,
      items: json.items.map((it, i) => {
        if (i !== index) return it;
        const inputs = { ...(it.inputs ?? {}) };
        if (value === '') delete inputs[name];
        else inputs[name] = value;
        return { ...it, inputs };
      }),
    },
  };
}

export function choose(json: FrameworkJson, group: string, alternative: string): FrameworkJson {
  return { ...json, chosen: { ...(json.chosen ?? {}), [group]: alternative } };
}

/** Item `index`'s tick box `option` ticked or not (the boxes stay in printed order). */
export function setTick(json: FrameworkJson, index: number, option: string, on: boolean): FrameworkJson {
  return { ...json, items: json.items.map((it, i) => (i === index ? { ...it, ticks: withTick(json.framework, it.ticks ?? [], option, on) } : it)) };
}
