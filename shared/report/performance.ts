import { formatPoints } from '../forms/decimal';
import type { PerfForm } from '../forms/model';
import { profileFor } from '../forms/profiles';
import { scoreForm } from '../forms/scoring';
import type { ReportSource } from './writer';

/** 预算绩效 of section 十 from the year's project 自评 forms: 调整后预算, 执行数, score and grade as scored. */
export function performanceOf(forms: readonly PerfForm[]): NonNullable<ReportSource['performance']> {
  return forms
    .filter((form) => form.subject_type === 'project')
    .map((form) => {
      const total = form.funding.find((line) => line.key === 'TOTAL');
      const score = scoreForm(form, profileFor(form.variant));
      return {
        name: form.subject_name,
        budget: total?.budget_adjusted ?? null,
        spent: total?.actual ?? null,
        score: score.total === null ? null : formatPoints(score.total),
        grade: score.grade,
      };
    });
}
