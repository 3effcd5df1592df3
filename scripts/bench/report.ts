/** 决算公开 figures: the whole document of a large year (300 项 rows) to .docx, charts included. */
import { TABLES, YearModel } from '../../shared/tables';
import { OUTLINES, buildReport } from '../../shared/report';
import { chartImages } from '../../electron/core/report/chart-png';
import { writeDocx } from '../../electron/core/report/docx';
import { bigYear } from './engine';
import { measure, report } from './measure';

export async function benchReport(): Promise<void> {
  const model = new YearModel(TABLES, bigYear(), () => '科目');
  const lastYear = new YearModel(TABLES, bigYear(), () => '科目');
  const supp = { gpb_initial_budget_by_code: { '201': 1_000_000_000 } };
  let size = 0;
  const once = async () => {
    const built = buildReport({ fiscalYear: 2023, unitName: '基准单位', model, lastYear, supp, texts: {} }, OUTLINES.通用, { template: '9', numbering: '公开' });
    size = (await writeDocx(built, model, chartImages(built.charts))).length;
  };
  const timing = await measure(once, { runs: 5 });
  report(`决算公开:300 个项级科目的全年文档生成 .docx(含 6 张图,${(size / 1024).toFixed(0)} KB)`, timing, { p50: 500 });
}
