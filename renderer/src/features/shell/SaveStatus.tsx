import { useYearStore } from '../../stores/use-year-store';

/** Tells the clerk whether every keystroke has reached the disk. */
export function SaveStatus() {
  const unsaved = useYearStore((state) => state.unsaved);
  const savedAt = useYearStore((state) => state.savedAt);
  if (unsaved > 0) return <span className="save-status saving">保存中…</span>;
  if (!savedAt) return <span className="save-status">已打开</span>;
  return <span className="save-status saved">已保存 {savedAt.toLocaleTimeString('zh-CN', { hour12: false })}</span>;
}
