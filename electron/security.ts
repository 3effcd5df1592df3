import { app, session, shell, type WebContents } from 'electron';

/** The only origin the app's window may show: its own renderer files. */
export const APP_ORIGIN = 'app://juesuan';

/**
 * No remote content: every permission request is denied, navigation away from the app
 * is blocked, and new windows never open (a link to the web goes to the system browser).
 */
export function harden(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!url.startsWith(APP_ORIGIN)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (url.startsWith('https://')) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

/** IPC is answered only for the app's own frame, never for anything it might have loaded. */
export function isTrustedSender(frameUrl: string | undefined): boolean {
  return !!frameUrl && frameUrl.startsWith(`${APP_ORIGIN}/`);
}
