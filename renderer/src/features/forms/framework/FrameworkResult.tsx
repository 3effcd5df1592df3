import { displayScore, type SettledFramework } from '../../../../../shared/forms/framework-entry';
import { formatPoints } from '../../../../../shared/forms/decimal';

/** A framework's score breakdown above its table: 合计得分 of the maximum, 等级, what is still unscored, structural issues. */
export function FrameworkResult({ settled }: { settled: SettledFramework }) {
  return (
    <div className="fw-total" aria-label="评价结果">
      <span>
        合计得分(满分{formatPoints(settled.max)}):<output aria-label="合计得分">{displayScore(settled.total)}</output>
      </span>
      <span>
        等级:<output aria-label="等级">{settled.grade}</output>
      </span>
      {settled.unscored > 0 && <span className="form-hint">尚有 {settled.unscored} 项未评分</span>}
      {settled.issues.map((issue) => (
        <span key={issue} className="form-hint">
          {issue}
        </span>
      ))}
    </div>
  );
}
