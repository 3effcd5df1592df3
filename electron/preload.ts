/**
 * The renderer's only bridge to the main process: one method that forwards a contract call.
 * The main process checks the method and arguments against the contract before running it.
 */
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('juesuan', {
  call: (method: string, args: unknown) => ipcRenderer.invoke('juesuan:call', method, args),
});
