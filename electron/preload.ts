/**
 * The renderer's only bridge to the main process: one method that forwards a contract call.
 * The main process checks the method and arguments against the contract before running it.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';

contextBridge.exposeInMainWorld('juesuan', {
  call: (method: string, args: unknown) => ipcRenderer.invoke('juesuan:call', method, args),
});

/** Saving an exported workbook: the main process asks where with its save dialog and writes the bytes. */
contextBridge.exposeInMainWorld('juesuanFiles', {
  save: (name: string, dataBase64: string) => ipcRenderer.invoke('juesuan:save-file', name, dataBase64),
});

/**
 * Year files from outside the data folder: the main process tells the page which file to open
 * (打开…, 最近打开, double-click, a second launch), and a file dropped on the window is handed
 * over by its path on disk, which only a real drop can give.
 */
contextBridge.exposeInMainWorld('juesuanDesktop', {
  onOpenFile: (open: (file: string) => void) => {
    ipcRenderer.on('juesuan:open-file', (_event, file: unknown) => {
      if (typeof file === 'string') open(file);
    });
  },
  openDropped: (file: File) => ipcRenderer.invoke('juesuan:open-dropped', webUtils.getPathForFile(file)),
});
