/**
 * The renderer's one door to the core. In Electron the preload exposes `window.juesuan`;
 * in browser mode the same calls go to the local host over HTTP. Both answer with the
 * same envelope, so nothing else in the renderer knows which host it runs in.
 */
import type { ApiErrorBody, Args, MethodName, Results } from '../../shared/contract';

type Envelope = { ok: true; result: unknown } | { ok: false; error: ApiErrorBody };

declare global {
  interface Window {
    juesuan?: { call(method: string, args: unknown): Promise<Envelope> };
  }
}

export class CallError extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(body.message);
  }
}

/** Browser mode: the host writes a per-start secret into the page and requires it on every call. */
const meta = (name: string) => document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? '';

async function viaHttp(method: string, args: unknown): Promise<Envelope> {
  const response = await fetch(`./api/${method}`, {
    method: 'POST',
    // The page id lets the host tell two tabs on one year apart (electron/core/web-host.ts).
    headers: { 'Content-Type': 'application/json', 'X-Juesuan-Token': meta('juesuan-token'), 'X-Juesuan-Page': meta('juesuan-page') },
    body: JSON.stringify(args),
  });
  return (await response.json()) as Envelope;
}

/**
 * Why a call got no answer, for the clerk: the browser's own words ("Failed to fetch") say nothing
 * they can act on. In the browser mode it is the program behind the page that has stopped; whatever
 * the action was, it did not happen, and what was saved before stays saved.
 */
function unreachable(): string {
  if (window.juesuan) return '无法连接决算通后台,刚才的操作没有完成;已保存的数据不受影响。请关闭并重新打开决算通';
  return '决算通浏览器模式的程序已关闭(运行 npm start 的窗口被关闭或按了 Ctrl+C),刚才的操作没有完成;已保存的数据不受影响。请重新运行 npm start,再刷新本页';
}

let leaveYear: (message: string) => void = () => undefined;
/** What the page does when the host says another tab holds the year: leave it (use-year-store.ts). */
export function onHeldElsewhere(leave: (message: string) => void): void {
  leaveYear = leave;
}

export async function call<M extends MethodName>(method: M, args: Args<M>): Promise<Results[M]> {
  let envelope: Envelope;
  try {
    envelope = window.juesuan ? await window.juesuan.call(method, args) : await viaHttp(method, args);
  } catch {
    throw new CallError({ kind: 'unreadable', message: unreachable() });
  }
  if (!envelope.ok && envelope.error.kind === 'elsewhere') leaveYear(envelope.error.message);
  if (!envelope.ok) throw new CallError(envelope.error);
  return envelope.result as Results[M];
}
