import { useState } from 'react';
import type { Finding, FixIn } from '../../../../shared/rules';
import { displayFullAmount, parseAmount } from '../../../../shared/money';
import { call } from '../../api';
import { inDesktopApp } from '../../desktop';
import { useYearStore } from '../../stores/use-year-store';

type Unit = FixIn['units'][number];

/**
 * An error of a 汇总 on its summed amounts: they are read-only here, so instead of focusing the cell
 * the finding offers the unit files it is fixed in, each opened at the same cell; the 汇总 is then
 * made again (按原汇总重新汇总).
 */
export function FixInUnits({ finding, fixIn }: { finding: Finding; fixIn: FixIn }) {
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <div className="finding-units" role="group" aria-label={`在单位文件中改正:${finding.message}`}>
      <span className="muted">{fixIn.failing ? '在单位文件中改正:' : '核对单位文件:'}</span>
      {fixIn.units.map((unit) => (
        <button key={unit.file} type="button" className="accept-computed" title={`打开单位文件 ${unit.file},定位到该单元格;改正后按原汇总重新汇总`} onClick={() => void openUnitAt(unit, finding).then(setProblem)}>
          打开 {unit.unitName}
          {unit.value !== null && ` ${displayFullAmount(parseAmount(unit.value)!)}`}
        </button>
      ))}
      {problem && (
        <p className="form-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

/** A full path: a 汇总 made by the CLI records its unit files so; one made in the app names them in the data folder. */
const isFullPath = (file: string) => /^([A-Za-z]:)?[\\/]/.test(file);

/**
 * Opens the unit's file at the finding's cell, then leaves the 汇总 (its edit lock freed, as 返回
 * does). Until the unit's file is open the 汇总 stays: what went wrong is said beside its buttons.
 */
async function openUnitAt(unit: Unit, at: Pick<Finding, 'table' | 'row' | 'col'>): Promise<string | null> {
  // The browser mode opens only the data folder's year files (the host names no other path on the disk).
  if (isFullPath(unit.file) && !inDesktopApp()) {
    return `${unit.unitName}的单位文件不在数据文件夹中,它在:${unit.file}。浏览器版只能打开数据文件夹中的年度文件:请把它复制到数据文件夹后从开始页打开,或用桌面版打开`;
  }
  let snapshot;
  try {
    snapshot = await call('openYear', { file: unit.file });
  } catch (error) {
    return `无法打开 ${unit.unitName} 的单位文件 ${unit.file}:${(error as Error).message}`;
  }
  const store = useYearStore.getState();
  store.closeYear();
  await store.openYear(unit.file, Promise.resolve(snapshot));
  if (useYearStore.getState().info?.file === unit.file) useYearStore.getState().goToFinding(at);
  return null;
}
