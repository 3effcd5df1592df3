/**
 * The application menu as data (Electron's MenuItemConstructorOptions shape), so it is tested
 * without Electron: 文件/编辑/视图/帮助. The 编辑 roles give every window the system's
 * cut/copy/paste shortcuts and keep IME input working.
 */
export interface MenuItem {
  label?: string;
  role?: string;
  type?: 'separator' | 'submenu';
  accelerator?: string;
  enabled?: boolean;
  submenu?: MenuItem[];
  click?: () => void;
}

export interface MenuActions {
  open(): void;
  openRecent(file: string): void;
  chooseDataDir(): void;
  showDataDir(): void;
  showLogDir(): void;
  about(): void;
}

export function menuTemplate(actions: MenuActions, recent: readonly string[]): MenuItem[] {
  const separator: MenuItem = { type: 'separator' };
  return [
    {
      label: '文件',
      submenu: [
        { label: '打开年度文件…', accelerator: 'CmdOrCtrl+O', click: actions.open },
        {
          label: '最近打开',
          enabled: recent.length > 0,
          submenu: recent.map((file) => ({ label: file, click: () => actions.openRecent(file) })),
        },
        separator,
        { label: '选择数据文件夹…', click: actions.chooseDataDir },
        { label: '打开数据文件夹', click: actions.showDataDir },
        separator,
        { label: '退出', role: 'quit' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        separator,
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '删除', role: 'delete' },
        separator,
        { label: '全选', role: 'selectAll' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        { label: '实际大小', role: 'resetZoom' },
        separator,
        { label: '全屏', role: 'togglefullscreen' },
      ],
    },
    {
      label: '帮助',
      submenu: [
        { label: '打开日志文件夹', click: actions.showLogDir },
        separator,
        { label: '关于决算通', click: actions.about },
      ],
    },
  ];
}

/** The 关于 dialog's text: what a support call asks first. */
export function aboutText(facts: { version: string; electron: string; dataDir: string; logDir: string }): string {
  return [`版本 ${facts.version}(Electron ${facts.electron})`, `数据文件夹:${facts.dataDir}`, `日志文件夹:${facts.logDir}`, '', '部门决算公开表与预算绩效自评的离线填报工具,数据只保存在本机。'].join('\n');
}
