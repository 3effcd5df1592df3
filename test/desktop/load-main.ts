/** Loading the BUILT main process (build/electron/main.mjs) under the stand-in electron; each test file mocks 'electron' itself. */
import path from 'node:path';
import { expect, vi } from 'vitest';
import { resetStandin, type FakeWindow, type StandinScript, type StandinState } from './electron-standin';

export const MAIN = path.resolve('build/electron/main.mjs');
export const APP = 'app://juesuan/index.html';

export async function loadMain(script: Partial<StandinScript> & Pick<StandinScript, 'userData' | 'documents'>): Promise<StandinState> {
  const state = resetStandin({ gotLock: true, isPackaged: true, savePath: null, openPaths: [], ...script });
  vi.resetModules();
  await import(/* @vite-ignore */ MAIN);
  state.app.ready();
  return state;
}

export const started = (state: StandinState) => vi.waitFor(() => expect(state.windows[0]?.shown).toBe(true));
export const fromApp = (window: FakeWindow, url = APP) => ({ senderFrame: { url }, sender: window.webContents });
