/** The grid's own texts in Chinese (only those the community grid shows in this app). */
export const GRID_LOCALE_ZH: Record<string, string> = {
  loadingOoo: '加载中…',
  noRowsToShow: '没有数据',
  page: '页',
  of: '共',
  to: '至',
  more: '更多',
  ariaRowSelect: '按空格选择此行',
  ariaChecked: '已选',
  ariaUnchecked: '未选',
};
