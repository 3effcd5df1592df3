/**
 * The renderer's only bridge to the main process: one method that forwards a contract call.
 * The main process checks the method and arguments against the contract before running it.
 */
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('juesuan', {
  call: (method: string, args: unknown) => ipcRenderer.invoke('juesuan:call', method, args),
});

/** Saving an exported workbook: the main process asks where with its save dialog and writes the bytes. */
contextBridge.exposeInMainWorld('juesuanFiles', {
  save: (name: string, dataBase64: string) => ipcRenderer.invoke('juesuan:save-file', name, dataBase64),
});
