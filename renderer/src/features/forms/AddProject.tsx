import { useState, type FormEvent } from 'react';
import { profileFor } from '../../../../shared/forms/profiles';
import { FORM_REGIONS, variantFor } from '../../../../shared/forms/regions';
import { useYearStore } from '../../stores/use-year-store';
import { keyOf, newForm } from './form-draft';
import { useFormsStore } from './use-forms-store';

/**
 * 新增项目: the code and name make a project form's identity, so they are asked before the form
 * exists (the core stores project forms by 项目编码). The rest is filled in the form itself.
 */
const HAN = /\p{Script=Han}/u;

/** A name typed into the code box and the code into the name box (the boxes sit side by side): the code holds 汉字, the name none. */
function looksSwapped(code: string, name: string): boolean {
  return HAN.test(code) && !HAN.test(name);
}

export function AddProject({ onDone }: { onDone(id: number | null): void }) {
  const info = useYearStore((state) => state.info)!;
  const entries = useFormsStore((state) => state.entries);
  const create = useFormsStore((state) => state.create);
  const regionPending = useFormsStore((state) => state.regionPending);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const variant = variantFor(info.formRegion, 'project');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = code.trim();
    if (!trimmed || !name.trim()) return setProblem('请填写项目编码和项目名称');
    if (looksSwapped(trimmed, name.trim())) return setProblem(`项目编码“${trimmed}”像是项目名称,项目名称“${name.trim()}”像是编码:请对调两栏后再创建`);
    if (regionPending) return setProblem(`地区表样正要改为“${FORM_REGIONS[regionPending].name}”:请先在上方点“改用”或“取消”,再新增项目`);
    if (entries.some((entry) => entry.json.subject_type === 'project' && keyOf(entry.json).subject_code === trimmed)) return setProblem(`项目编码 ${trimmed} 已有自评表`);
    const id = await create(newForm(variant, 'project', { code: trimmed, name, competentDept: info.unitName, implementingUnit: info.unitName }));
    if (id !== null) onDone(id);
  };

  return (
    <form className="form-add" aria-label="新增项目" onSubmit={(event) => void submit(event)}>
      <label>
        项目编码
        <input autoFocus value={code} onChange={(event) => setCode(event.target.value)} placeholder="如 450900220416400005156" />
      </label>
      <label>
        项目名称
        <input value={name} onChange={(event) => setName(event.target.value)} />
      </label>
      <span className="form-muted">表样:{profileFor(variant).name}</span>
      <button type="submit" className="primary">
        创建并填写
      </button>
      <button type="button" onClick={() => onDone(null)}>
        取消
      </button>
      {problem && (
        <span className="form-problem" role="alert">
          {problem}
        </span>
      )}
    </form>
  );
}
