/**
 * One scored framework (附件1.1 部门预算绩效评价指标体系, 附件2 专项预算项目绩效评价指标体系, 大通湖
 * 附件5 计分表) as its seed prints it: 一级 / 二级 / 三级指标 with their 分值, the 评分标准, an input
 * per judged item, computed items read-only with how they were computed, the 专用指标 block as a
 * choice, and the 合计得分 and 等级 live. Until the clerk enters something it is the blank template.
 */
import { useMemo, useState } from 'react';
import type { FrameworkJson, FrameworkKind } from '../../../../../shared/forms/framework';
import { executionsOf, FRAMEWORK_DEFS, frameworkTemplate, frameworkToJson, scoreRange } from '../../../../../shared/forms/framework-entry';
import { formatPoints } from '../../../../../shared/forms/decimal';
import type { PerfForm } from '../../../../../shared/forms/model';
import { useYearStore } from '../../../stores/use-year-store';
import { computeForm } from '../form-draft';
import { useFormsStore } from '../use-forms-store';
import { FrameworkResult } from './FrameworkResult';
import { FrameworkTable } from './FrameworkTable';
import { setScore, settle } from './framework-edit';
import { frameworkKey, useFrameworksStore } from './use-frameworks-store';
import { disabledWhile, useReadOnlyReason } from '../../../stores/read-only';

export function FrameworkPage({ kind }: { kind: FrameworkKind }) {
  const readOnly = useReadOnlyReason();
  const def = FRAMEWORK_DEFS[kind];
  const info = useYearStore((state) => state.info)!;
  const entries = useFormsStore((state) => state.entries);
  const docs = useFrameworksStore((state) => state.docs);
  const edit = useFrameworksStore((state) => state.edit);
  const projectForms = useMemo(() => entries.map((entry) => computeForm(entry.json)).filter((form): form is PerfForm => form !== null && form.subject_type === 'project'), [entries]);
  const project = useFrameworksStore((state) => state.project);
  const show = useFrameworksStore((state) => state.show);
  const remove = useFrameworksStore((state) => state.remove);
  const [confirming, setConfirming] = useState(false);
  const subjectCode = def.subject === 'project' ? (projectForms.some((form) => form.subject_code === project) ? project : (projectForms[0]?.subject_code ?? '')) : '';
  const stored = docs[frameworkKey(kind, subjectCode)];
  const json: FrameworkJson = useMemo(() => stored?.framework ?? frameworkToJson(frameworkTemplate(kind, info.fiscalYear)), [stored, kind, info.fiscalYear]);
  const projects = useMemo(() => executionsOf(projectForms), [projectForms]);
  const settled = useMemo(() => settle(json, projects), [json, projects]);

  const noProject = def.subject === 'project' && !subjectCode;
  const subjectWords = def.subject === 'project' ? `项目《${projectForms.find((form) => form.subject_code === subjectCode)?.subject_name ?? subjectCode}》` : '';
  const change = (after: FrameworkJson, words: string, field: string) => edit(kind, subjectCode, json, after, `${def.title}${subjectWords} ${words}`, field);

  return (
    <div className="fw-sheet" aria-label={def.title} data-first-field=".fw-fields [data-fw-input]">
      <div className="form-toolbar">
        <h1 className="form-page-title">
          {def.attachment} {def.title}
        </h1>
        {stored?.draft && <span className="form-muted">上年带入的草稿,请核实后修改</span>}
        {!stored && !noProject && !readOnly && <span className="form-muted">尚未填写:填写任一项即保存</span>}
        {stored &&
          (confirming ? (
            <button type="button" className="form-danger" autoFocus onBlur={() => setConfirming(false)} onClick={() => void remove(kind, subjectCode).then(() => setConfirming(false))}>
              确认删除本表
            </button>
          ) : (
            <button type="button" {...disabledWhile(readOnly)} onClick={() => setConfirming(true)}>
              删除本表
            </button>
          ))}
      </div>
      {def.subject === 'project' && (
        <label className="fw-project">
          评价项目
          <select className="form-select" value={subjectCode} onChange={(event) => show(kind, event.target.value)} disabled={noProject}>
            {projectForms.map((form) => (
              <option key={form.subject_code} value={form.subject_code ?? ''}>
                {form.subject_code} {form.subject_name}
              </option>
            ))}
          </select>
        </label>
      )}
      {noProject ? (
        <p className="form-muted">本年度还没有项目自评表:先在“项目支出绩效自评”中添加项目,再按项目填写本表。</p>
      ) : (
        <>
          <FrameworkResult settled={settled} />
          {/* A year opened read-only: a disabled fieldset disables every score, datum, choice and tick box at once, as the 汇总's unit view does. */}
          <fieldset className={`fw-fields${readOnly ? ' fw-readonly' : ''}`} disabled={readOnly !== null} title={readOnly ?? undefined}>
            <FrameworkTable
              json={json}
              headings={def.headings}
              ticks={def.ticks}
              settled={settled}
              onScore={(index, text) => {
                const outcome = setScore(json, index, text);
                if ('error' in outcome) return outcome.error;
                const item = json.items[index];
                if ((outcome.json.items[index].self_score ?? null) !== (item.self_score ?? null)) {
                  change(outcome.json, `第 ${index + 1} 项“${item.l3}” 得分 ${text.trim() ? `改为 ${text.trim()}` : '清空'}`, `items[${index}].self_score`);
                }
                return null;
              }}
              onChange={change}
              rangeText={(index) => {
                const { min, max } = scoreRange(settled.framework.items[index]);
                return `${formatPoints(min)} 至 ${formatPoints(max)}`;
              }}
            />
          </fieldset>
        </>
      )}
    </div>
  );
}
