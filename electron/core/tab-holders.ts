/**
 * Browser mode: which tab holds each year file. Two tabs on one year would each keep their own copy
 * of the year and overwrite the other's view (a cell typed in one shows 0.00 in the other, totals and
 * 审核 included). Like the desktop's single window, the page that opened a year last holds it; a page
 * that had it open before is stale for it until it opens it again. Pages that never opened the year
 * (the start page's 汇总 and batch tools) are not concerned.
 */
const OPENED_ELSEWHERE =
  '这个年度文件已在另一个浏览器标签页中打开,为免两处录入互相覆盖,本页已离开它;刚才的操作没有完成,已保存的数据不受影响。请在另一个标签页继续,或在下面的年度文件列表中重新打开它(另一个标签页随之离开)';
const CLOSED_ELSEWHERE = '这个年度文件已在另一个浏览器标签页中关闭,本页已离开它;刚才的操作没有完成,已保存的数据不受影响。要继续,请在下面的年度文件列表中重新打开它';

const OPENS = new Set(['openYear', 'createYear']);

export function tabHolders() {
  const holders = new Map<string, string>();
  const stale = new Map<string, Set<string>>();
  const staleFor = (file: string) => stale.get(file) ?? stale.set(file, new Set()).get(file)!;
  return {
    /** Why this page may not make this call now (its view of the year is out of date), or null. */
    refusal(method: string, page: string, file: unknown): string | null {
      if (!page || typeof file !== 'string' || OPENS.has(method) || !stale.get(file)?.has(page)) return null;
      return holders.has(file) ? OPENED_ELSEWHERE : CLOSED_ELSEWHERE;
    },
    /** After a call went through: an open takes the year over, the holder's close releases it. */
    note(method: string, page: string, file: unknown): void {
      if (!page || typeof file !== 'string') return;
      const holder = holders.get(file);
      if (OPENS.has(method)) {
        if (holder !== undefined && holder !== page) staleFor(file).add(holder);
        staleFor(file).delete(page);
        holders.set(file, page);
      } else if (method === 'closeYear' && holder === page) {
        holders.delete(file);
      }
    },
  };
}
