import type { YearInfo } from '../../../../shared/contract';

/** "2025-03-02 14:05 修改 · 1.2 MB · 2023-荆门….sqlite": enough to tell two copies of a year apart. */
export function YearFileDetails({ year }: { year: YearInfo }) {
  const modified = year.modifiedAt ? new Date(year.modifiedAt) : null;
  const pad = (n: number) => String(n).padStart(2, '0');
  const when = modified && `${modified.getFullYear()}-${pad(modified.getMonth() + 1)}-${pad(modified.getDate())} ${pad(modified.getHours())}:${pad(modified.getMinutes())} 修改`;
  const size = year.sizeBytes === undefined ? null : year.sizeBytes < 1024 * 1024 ? `${Math.max(1, Math.round(year.sizeBytes / 1024))} KB` : `${(year.sizeBytes / 1024 / 1024).toFixed(1)} MB`;
  return <span className="year-file-details muted">{[when, size, year.file].filter(Boolean).join(' · ')}</span>;
}
