import { useEffect } from 'react';
import { useYearStore } from '../../stores/use-year-store';

/** Page zoom for older eyes on small screens: Ctrl+plus / Ctrl+minus / Ctrl+0, remembered across starts. */
const KEY = 'juesuan.zoom';
const STEPS = [0.8, 0.9, 1, 1.1, 1.25, 1.4, 1.6];

function storedZoom(): number {
  const stored = Number(localStorage.getItem(KEY));
  return STEPS.includes(stored) ? stored : 1;
}

function applyZoom(level: number): void {
  document.documentElement.style.zoom = String(level);
}

export function usePageZoom(): void {
  useEffect(() => {
    applyZoom(storedZoom());
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const current = STEPS.indexOf(storedZoom());
      const next = event.key === '=' || event.key === '+' ? Math.min(current + 1, STEPS.length - 1) : event.key === '-' ? Math.max(current - 1, 0) : event.key === '0' ? STEPS.indexOf(1) : null;
      if (next === null) return;
      event.preventDefault();
      localStorage.setItem(KEY, String(STEPS[next]));
      applyZoom(STEPS[next]);
      useYearStore.getState().showNotice(`显示比例 ${Math.round(STEPS[next] * 100)}%(Ctrl+加号放大,Ctrl+减号缩小,Ctrl+0 还原)`);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
