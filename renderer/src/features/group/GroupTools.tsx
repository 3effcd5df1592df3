import { Suspense, useState } from 'react';
import { BatchPage, ConsolidatePage } from '../shell/lazy-pages';

/** On the start page: the 主管部门's 汇总 and the 财政局's batch 审核 of the data folder. */
export function GroupTools() {
  const [page, setPage] = useState<'consolidate' | 'batch' | null>(null);
  if (page) {
    return (
      <div className="group-page" role="dialog" aria-label={page === 'consolidate' ? '汇总' : '批量审核'}>
        <div className="group-head">
          <h1>{page === 'consolidate' ? '汇总(主管部门)' : '批量审核(财政)'}</h1>
          <button type="button" onClick={() => setPage(null)}>
            返回
          </button>
        </div>
        <Suspense fallback={<p className="muted">正在载入…</p>}>{page === 'consolidate' ? <ConsolidatePage /> : <BatchPage />}</Suspense>
      </div>
    );
  }
  return (
    <section className="card group-tools" aria-label="汇总与批量审核">
      <h2>汇总与批量审核</h2>
      <p className="muted">把数据目录中各单位的年度文件汇总成部门汇总;或一次审核数据目录中的全部年度文件。</p>
      <button type="button" onClick={() => setPage('consolidate')}>
        汇总各单位年度文件…
      </button>
      <button type="button" onClick={() => setPage('batch')}>
        批量审核…
      </button>
    </section>
  );
}
