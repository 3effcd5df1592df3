import { Suspense, useRef, useState } from 'react';
import type { ImportPreview } from '../../../../shared/contract';
import { call } from '../../api';
import { useYearStore } from '../../stores/use-year-store';
import { deliver, fileToBase64 } from './files';
import { ImportDialog } from '../shell/lazy-pages';
import { BusyOverlay } from '../shell/BusyOverlay';

type Busy = null | '正在导出…' | '正在读取文件…' | '正在导入…';

/** 导出 Excel and 导入 in the header: export for submission (or as a draft), import this year's or last year's data. */
export function ExchangeBar() {
  const info = useYearStore((state) => state.info)!;
  const readOnly = useYearStore((state) => state.readOnly);
  const openYear = useYearStore((state) => state.openYear);
  const showNotice = useYearStore((state) => state.showNotice);
  const canSubmit = useYearStore((state) => !state.findings.some((finding) => finding.severity === 'error'));
  const [busy, setBusy] = useState<Busy>(null);
  // Export choices, off by default: lock computed cells (no password); print 审核说明 in the 报送版 where the region asks.
  const [protect, setProtect] = useState(false);
  const [printAudit, setPrintAudit] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState<{ name: string; dataBase64: string; baseline: boolean; partial: boolean; preview: ImportPreview } | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  const pickFor = useRef<'this-year' | 'baseline' | 'catalog'>('this-year');

  const run = async <T,>(label: Busy, work: () => Promise<T>): Promise<T | undefined> => {
    setBusy(label);
    setFailure(null);
    try {
      return await work();
    } catch (error) {
      setFailure((error as Error).message);
      return undefined;
    } finally {
      setBusy(null);
    }
  };

  const exportAs = (format: 'xlsx' | 'xls', draft: boolean) =>
    run('正在导出…', async () => {
      const workbook = await call('exportWorkbook', { file: info.file, format, draft, protect, printAudit });
      const saved = await deliver(workbook.name, workbook.mime, workbook.dataBase64);
      if (saved) showNotice(`已导出:${saved}${draft ? '(草稿)' : ''}`);
    });

  const choose = (purpose: 'this-year' | 'baseline' | 'catalog') => {
    pickFor.current = purpose;
    picker.current?.click();
  };

  const picked = async (file: File | undefined) => {
    if (!file) return;
    const baseline = pickFor.current === 'baseline';
    if (pickFor.current === 'catalog') {
      const done = await run('正在导入…', async () => call('importCatalog', { file: info.file, name: file.name, dataBase64: await fileToBase64(file) }));
      if (done) {
        await openYear(info.file);
        showNotice(`已导入科目表 ${file.name}:功能分类 ${done.function} 个,经济分类 ${done.economic} 个${done.skipped ? `,跳过其他科目 ${done.skipped} 个` : ''}`);
      }
      return;
    }
    await run('正在读取文件…', async () => {
      const dataBase64 = await fileToBase64(file);
      const preview = await call('previewImport', { file: info.file, name: file.name, dataBase64, baseline });
      setPending({ name: file.name, dataBase64, baseline, partial: false, preview });
    });
  };

  /** The clerk chose to leave the unreadable tables as they are: preview what importing the others does. */
  const previewPartial = async () => {
    if (!pending) return;
    const { name, dataBase64, baseline } = pending;
    await run('正在读取文件…', async () => {
      const preview = await call('previewImport', { file: info.file, name, dataBase64, baseline, partial: true });
      setPending({ name, dataBase64, baseline, partial: true, preview });
    });
  };

  const confirm = async () => {
    if (!pending) return;
    const { name, dataBase64, baseline, partial } = pending;
    setPending(null);
    const done = await run('正在导入…', () => call('importWorkbook', { file: info.file, name, dataBase64, baseline, partial }));
    if (done) {
      await openYear(info.file);
      const forms = done.effect.forms ? `,绩效自评表 ${done.effect.forms} 张` : '';
      showNotice(`已从 ${name} 导入 ${done.effect.cells} 个单元格${baseline ? `,上年数 ${done.effect.baselineCells} 个,预填 ${done.effect.prefilled} 个` : ''}${forms}`);
    }
  };

  return (
    <div className="exchange-bar">
      <div className="menu">
        <button type="button" className="header-button">导出 Excel ▾</button>
        <div className="menu-items" role="menu" aria-label="导出">
          <button type="button" role="menuitem" disabled={!canSubmit} title={canSubmit ? '' : '审核还有错误,只能导出草稿'} onClick={() => void exportAs('xlsx', false)}>
            报送版(.xlsx)
          </button>
          <button type="button" role="menuitem" disabled={!canSubmit} onClick={() => void exportAs('xls', false)}>
            报送版(旧版 .xls)
          </button>
          <button type="button" role="menuitem" onClick={() => void exportAs('xlsx', true)}>
            草稿(.xlsx)
          </button>
          <label className="menu-option" title="工作表保护不设密码:在 Excel/WPS 中“审阅 → 撤消工作表保护”即可解除">
            <input type="checkbox" checked={protect} onChange={(event) => setProtect(event.target.checked)} />
            锁定合计等计算单元格,只允许修改录入数
          </label>
          <label className="menu-option" title="不勾选时,审核说明作为隐藏工作表保存在报送版中,不打印、不计页数">
            <input type="checkbox" checked={printAudit} onChange={(event) => setPrintAudit(event.target.checked)} />
            报送版打印审核说明(地区要求时)
          </label>
        </div>
      </div>
      {readOnly ? (
        // Another program edits the year (or its folder cannot be written): nothing can be imported into it here.
        <button type="button" className="header-button" disabled title={readOnly}>
          导入 ▾
        </button>
      ) : (
        <div className="menu">
          <button type="button" className="header-button">导入 ▾</button>
          <div className="menu-items" role="menu" aria-label="导入">
            <button type="button" role="menuitem" onClick={() => choose('this-year')}>
              本年数据(Excel 或年度文件)
            </button>
            <button type="button" role="menuitem" onClick={() => choose('baseline')}>
              上年数据(上年年度文件或 Excel)
            </button>
            <button type="button" role="menuitem" onClick={() => choose('catalog')}>
              本年度科目表(Excel:科目代码、科目名称)
            </button>
          </div>
        </div>
      )}
      <input
        ref={picker}
        type="file"
        hidden
        aria-label="选择导入文件"
        accept=".xlsx,.xls,.sqlite"
        onChange={(event) => {
          void picked(event.target.files?.[0]);
          event.target.value = '';
        }}
      />
      <BusyOverlay what={busy} />
      {failure && (
        <div className="modal" role="alertdialog" aria-label="操作失败">
          <div className="modal-box">
            <h2>操作失败</h2>
            <pre className="failure-text">{failure}</pre>
            <div className="modal-actions">
              <button type="button" className="primary" onClick={() => setFailure(null)}>
                知道了
              </button>
            </div>
          </div>
        </div>
      )}
      {pending && (
        <Suspense fallback={null}>
          <ImportDialog name={pending.name} preview={pending.preview} onCancel={() => setPending(null)} onConfirm={() => void confirm()} onPartial={() => void previewPartial()} />
        </Suspense>
      )}
    </div>
  );
}
