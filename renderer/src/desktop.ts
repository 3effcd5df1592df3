/**
 * Desktop app only: year files chosen outside the page (文件 › 打开…, 最近打开, double-click,
 * a second launch) open here, and a year file dropped on the window opens like one picked.
 */
declare global {
  interface Window {
    juesuanDesktop?: {
      onOpenFile(open: (file: string) => void): void;
      openDropped(file: File): Promise<{ opened: boolean; message?: string }>;
    };
  }
}

export function connectDesktop(openYear: (file: string) => unknown, showError: (message: string) => void): void {
  const desktop = window.juesuanDesktop;
  if (!desktop) return;
  desktop.onOpenFile((file) => void openYear(file));
  const yearFileIn = (event: DragEvent) => [...(event.dataTransfer?.files ?? [])].find((file) => /\.sqlite$/i.test(file.name));
  window.addEventListener('dragover', (event) => {
    if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
  });
  // Drops a part of the page handles itself (an import box) are theirs; the rest open a year file.
  window.addEventListener('drop', (event) => {
    if (event.defaultPrevented) return;
    event.preventDefault();
    const file = yearFileIn(event);
    if (!file) return showError('拖入的不是决算通年度文件(.sqlite);Excel 工作簿请用“导入”');
    void desktop.openDropped(file).then((result) => {
      if (!result.opened) showError(result.message ?? '无法打开拖入的文件');
    });
  });
}

/** Whether the page runs in the desktop app (it may open year files anywhere the clerk chose), not in a browser. */
export const inDesktopApp = (): boolean => Boolean(window.juesuanDesktop);
