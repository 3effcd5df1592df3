import type { PerfFormJson } from '../../../../shared/forms/model';
import type { Block } from '../../../../shared/forms/profiles';
import { charCount } from '../../../../shared/forms/rules';
import { appendListItem, setFormField, setListItem } from './form-draft';
import { changeThenFocus } from './focus-after-change';
import { TextCell } from './inputs';
import { disabledWhile, useReadOnlyReason } from '../../stores/read-only';

type TextBlock = Extract<Block, { kind: 'text' }>;
type ListBlock = Extract<Block, { kind: 'list' }>;

interface Common {
  json: PerfFormJson;
  /** Leading label parts shared with the block above are not repeated. */
  prefixShown: boolean;
  onChange(recipe: (json: PerfFormJson) => PerfFormJson): void;
}

function Counter({ text, max }: { text: string; max?: number }) {
  const count = charCount(text);
  if (max === undefined) return <span className="form-count">{count} 字</span>;
  return (
    <span className={count > max ? 'form-count form-over' : 'form-count'}>
      {count} / {max} 字
    </span>
  );
}

function Heading({ label, required, prefixShown, id }: { label: string[]; required: boolean; prefixShown: boolean; id: string }) {
  const prefix = label.slice(0, -1);
  return (
    <>
      {prefixShown && prefix.length > 0 && <div className="form-text-group">{prefix.join(' · ')}</div>}
      <label className="form-text-label" htmlFor={id}>
        {label.at(-1)}
        {required && <span className="form-required" title="必填">*</span>}
      </label>
    </>
  );
}

/** A narrative field: multi-line, growing with its text, counted where the profile sets a limit. */
export function TextSection({ block, json, prefixShown, onChange }: Common & { block: TextBlock }) {
  const id = `form-text-${block.field}`;
  const value = json[block.field] ?? '';
  return (
    <div className="form-block form-text-block">
      <Heading label={block.label} required={block.required} prefixShown={prefixShown} id={id} />
      <TextCell
        id={id}
        field={block.field}
        label={block.label.at(-1) ?? block.field}
        value={value}
        placeholder={block.prompt}
        onValue={(text) => onChange((current) => setFormField(current, block.field, text))}
      />
      <Counter text={value} max={block.maxChars} />
    </div>
  );
}

/** A numbered list (部门职能概述 …): one item per row, each counted against its own limit. */
export function ListSection({ block, json, prefixShown, onChange }: Common & { block: ListBlock }) {
  const readOnly = useReadOnlyReason();
  const id = `form-list-${block.field}`;
  const items = json[block.field] ?? [];
  const shown = items.length ? items : [''];
  return (
    <div className="form-block form-text-block">
      <Heading label={block.label} required={block.required} prefixShown={prefixShown} id={`${id}-0`} />
      <ol className="form-list">
        {shown.map((item, i) => (
          <li key={i}>
            <span className="form-list-no">{i + 1}.</span>
            <TextCell
              id={`${id}-${i}`}
              field={`${block.field}[${i}]`}
              label={`${block.label.at(-1)} 第 ${i + 1} 条`}
              value={item}
              onValue={(text) => onChange((current) => setListItem(current, block.field, i, text))}
            />
            <Counter text={item} max={block.maxCharsEach} />
            {items.length > 0 && (
              <button type="button" className="form-small" aria-label={`删除第 ${i + 1} 条`} {...disabledWhile(readOnly)} onClick={() => onChange((current) => setListItem(current, block.field, i, null))}>
                删除
              </button>
            )}
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="form-small"
        {...disabledWhile(readOnly)}
        onClick={() => changeThenFocus(() => onChange((current) => appendListItem(current, block.field)), () => document.getElementById(`${id}-${Math.max(1, items.length)}`))}
      >
        ＋ 添加一条
      </button>
    </div>
  );
}
