import { app, session, type WebContents } from 'electron';
import { isAppPage, permissionAllowed } from './core/desktop/requests';

/** The only origin the app's window may show: its own renderer files. */
export const APP_ORIGIN = 'app://juesuan';

/**
 * No remote content: permissions are checked and requested against one short allow-list
 * (requests.ts), navigation away from the app is blocked, webviews never attach, and no new
 * window ever opens. The app shows no web links, so nothing is handed to the system browser.
 */
export function harden(): void {
  const { defaultSession } = session;
  defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) => permissionAllowed(permission, `${requestingOrigin}/`, APP_ORIGIN));
  defaultSession.setPermissionRequestHandler((contents, permission, callback) => callback(permissionAllowed(permission, contents.getURL(), APP_ORIGIN)));
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppPage(url, APP_ORIGIN)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppPage(url, APP_ORIGIN)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

/** IPC is answered only for the app's own frame, never for anything it might have loaded. */
export function isTrustedSender(frameUrl: string | undefined): boolean {
  return isAppPage(frameUrl, APP_ORIGIN);
}
