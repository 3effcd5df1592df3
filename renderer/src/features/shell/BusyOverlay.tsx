/** What the program is doing while a long action (export, import, Word/PDF) runs; nothing else can be clicked meanwhile. */
export function BusyOverlay({ what }: { what: string | null }) {
  if (!what) return null;
  return (
    <div className="busy-overlay" role="status" aria-live="polite">
      <div className="busy-box">
        <span className="spinner" aria-hidden="true" />
        {what}
      </div>
    </div>
  );
}
