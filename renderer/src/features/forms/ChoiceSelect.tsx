import { useId, useState, type KeyboardEvent, type MouseEvent, type ReactNode, type SelectHTMLAttributes } from 'react';

export interface Choice {
  value: string;
  label: string;
}

interface Props extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange' | 'children'> {
  value: string;
  choices: readonly Choice[];
  onChoose(value: string): void;
  /** Keys the select does not take for its list (the grid's Enter). */
  onKeyDown?(event: KeyboardEvent<HTMLSelectElement>): void;
}

/**
 * A choice cell of the 绩效指标 grid (一级, 二级, 指标性质): a native select whose drop-down list is
 * the page's own. Chromium's native list is a window of its own that takes every key while open,
 * so a block of 指标 copied from Excel and pasted with Ctrl+V there did nothing. This list leaves
 * the focus on the select: a paste reaches the grid (and closes the list), as on a closed cell.
 * Opened by a click, F4 or Space; ↑/↓ move, Enter or a click chooses, Esc closes; Tab chooses and moves on.
 */
export function ChoiceSelect({ value, choices, onChoose, onKeyDown, className, ...rest }: Props) {
  const listId = useId();
  const [active, setActive] = useState<number | null>(null);
  const open = active !== null;
  const current = Math.max(0, choices.findIndex((choice) => choice.value === value));
  const close = () => setActive(null);
  const choose = (index: number) => {
    close();
    if (choices[index].value !== value) onChoose(choices[index].value);
  };

  const mouseDown = (event: MouseEvent<HTMLSelectElement>) => {
    if (event.button !== 0 || rest.disabled) return;
    event.preventDefault();
    event.currentTarget.focus();
    setActive(open ? null : current);
  };
  const keyDown = (event: KeyboardEvent<HTMLSelectElement>) => {
    const plain = !event.altKey && !event.ctrlKey && !event.metaKey;
    if (!open) {
      if (plain && (event.key === 'F4' || event.key === ' ')) {
        event.preventDefault();
        setActive(current);
      } else onKeyDown?.(event);
      return;
    }
    const move = (index: number) => {
      event.preventDefault();
      setActive(Math.min(choices.length - 1, Math.max(0, index)));
    };
    if (event.key === 'ArrowDown' && plain) move(active + 1);
    else if (event.key === 'ArrowUp' && plain) move(active - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(choices.length - 1);
    else if ((event.key === 'Enter' || event.key === ' ') && plain) {
      event.preventDefault();
      event.stopPropagation();
      choose(active);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    } else if (event.key === 'Tab') choose(active);
  };

  let list: ReactNode = null;
  if (open) {
    list = (
      <ul id={listId} role="listbox" className="form-choice-list" aria-label={`${rest['aria-label'] ?? ''} 可选项`}>
        {choices.map((choice, index) => (
          <li
            key={choice.value}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'form-choice-active' : undefined}
            onMouseDown={(event) => {
              event.preventDefault();
              choose(index);
            }}
          >
            {choice.label}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <span className="form-choice">
      <select
        {...rest}
        className={className}
        value={value}
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        onChange={(event) => onChoose(event.target.value)}
        onMouseDown={mouseDown}
        onKeyDown={keyDown}
        onBlur={close}
        onPaste={close}
      >
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
      {list}
    </span>
  );
}
