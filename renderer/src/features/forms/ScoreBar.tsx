import { formatPoints } from '../../../../shared/forms/decimal';
import type { Block, Profile } from '../../../../shared/forms/profiles';
import { adjustmentText, formatRate, type FormScore } from '../../../../shared/forms/scoring';

/**
 * The live result of the open form, pinned above it whatever the profile prints: 执行率,
 * 预算执行得分, 指标得分, 自评得分 and 等级, as far as the region's form has them.
 */
export function ScoreBar({ profile, score }: { profile: Profile; score: FormScore | null }) {
  const { budgetWeight, hasTotal, grades } = profile.scoring;
  const items: Array<{ label: string; note?: string; value: string; field?: string; strong?: boolean }> = [
    { label: '执行率', value: score && score.execRateBp !== null ? formatRate(score.execRateBp) : '—' },
  ];
  if (budgetWeight !== null) items.push({ label: '预算执行得分', note: `(${formatPoints(budgetWeight)}分)`, value: formatPoints(score?.budgetScore ?? null) ?? '—', field: 'funding[TOTAL].score' });
  // Only where the form scores its indicators (大通湖's 自评表 has no 分值 or 得分 columns).
  const scored = profile.layout.some((block) => block.kind === 'indicators' && block.columns.some((column) => column.value === 'score'));
  if (scored) items.push({ label: '指标得分', value: formatPoints(score?.indicatorTotal ?? 0) ?? '0' });
  if (hasTotal) items.push({ label: '自评得分', note: score?.maxTotal ? `(满分${formatPoints(score.maxTotal)})` : undefined, value: formatPoints(score?.total ?? null) ?? '—', field: 'total_score', strong: true });
  if (grades) items.push({ label: '等级', value: score?.grade ?? '—', strong: true });
  return (
    <div className="form-score-bar" aria-label="自评结果">
      {items.map((item) => (
        <span key={item.label} className={item.strong ? 'form-score strong' : 'form-score'}>
          <span className="form-score-label">
            {item.label}
            {item.note}
          </span>
          <output aria-label={item.label} data-field={item.field} tabIndex={item.field ? -1 : undefined}>
            {item.value}
          </output>
        </span>
      ))}
      {scored && score && !score.complete && <span className="form-hint">尚有指标未评分(无法给出建议分的需手填)</span>}
      <PlatformRules profile={profile} score={score} />
    </div>
  );
}

/** Which 一体化平台 rules the profile applies, and each change they made to the total. */
function PlatformRules({ profile, score }: { profile: Profile; score: FormScore | null }) {
  const { execRateCap, overshootDeduction } = profile.scoring.platformRules;
  const rules = [execRateCap && '执行率低于 80% 时总分封顶', overshootDeduction && '完成值超出指标值 30% 及以上扣 2 分'].filter(Boolean);
  if (!rules.length) return null;
  return (
    <div className="form-score-adjustments" aria-label="计分规则">
      <span className="form-hint">本表样计分规则:{rules.join(';')}</span>
      {score?.adjustments.length ? (
        <ul>
          {score.adjustments.map((adjustment) => (
            <li key={`${adjustment.rule}-${adjustment.indicator ?? ''}`}>
              {adjustmentText(adjustment)}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** 玉林's printed 自评得分(满分100分) | total | 预算执行(10分) | budget score row. */
export function ScoreSummary({ block, score }: { block: Extract<Block, { kind: 'score-summary' }>; score: FormScore | null }) {
  return (
    <table className="form-grid form-score-summary">
      <tbody>
        <tr>
          <th scope="row" className="form-row-label">
            {block.totalLabel}
          </th>
          <td className="form-computed">
            <output aria-label={block.totalLabel}>{formatPoints(score?.total ?? null) ?? ''}</output>
          </td>
          <th scope="row" className="form-row-label">
            {block.budgetLabel}
          </th>
          <td className="form-computed">
            <output aria-label={block.budgetLabel}>{formatPoints(score?.budgetScore ?? null) ?? ''}</output>
          </td>
        </tr>
      </tbody>
    </table>
  );
}
