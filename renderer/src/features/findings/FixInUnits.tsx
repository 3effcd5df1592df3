import type { Finding, FixIn } from '../../../../shared/rules';
import { displayFullAmount, parseAmount } from '../../../../shared/money';
import { useYearStore } from '../../stores/use-year-store';

/**
 * An error of a 汇总 on its summed amounts: they are read-only here, so instead of focusing the cell
 * the finding offers the unit files it is fixed in, each opened at the same cell; the 汇总 is then
 * made again (按原汇总重新汇总).
 */
export function FixInUnits({ finding, fixIn }: { finding: Finding; fixIn: FixIn }) {
  return (
    <div className="finding-units" role="group" aria-label={`在单位文件中改正:${finding.message}`}>
      <span className="muted">{fixIn.failing ? '在单位文件中改正:' : '核对单位文件:'}</span>
      {fixIn.units.map((unit) => (
        <button key={unit.file} type="button" className="accept-computed" title={`打开单位文件 ${unit.file},定位到该单元格;改正后按原汇总重新汇总`} onClick={() => void openUnitAt(unit.file, finding)}>
          打开 {unit.unitName}
          {unit.value !== null && ` ${displayFullAmount(parseAmount(unit.value)!)}`}
        </button>
      ))}
    </div>
  );
}

/** Leaves the 汇总 (its edit lock freed, as 返回 does) and opens the unit's file at the finding's cell. */
async function openUnitAt(file: string, at: Pick<Finding, 'table' | 'row' | 'col'>): Promise<void> {
  const store = useYearStore.getState();
  store.closeYear();
  await store.openYear(file);
  if (useYearStore.getState().info?.file === file) useYearStore.getState().goToFinding(at);
}
