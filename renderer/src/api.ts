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
const token = () => document.querySelector<HTMLMetaElement>('meta[name="juesuan-token"]')?.content ?? '';

async function viaHttp(method: string, args: unknown): Promise<Envelope> {
  const response = await fetch(`./api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Juesuan-Token': token() },
    body: JSON.stringify(args),
  });
  return (await response.json()) as Envelope;
}

export async function call<M extends MethodName>(method: M, args: Args<M>): Promise<Results[M]> {
  let envelope: Envelope;
  try {
    envelope = window.juesuan ? await window.juesuan.call(method, args) : await viaHttp(method, args);
  } catch (error) {
    throw new CallError({ kind: 'unreadable', message: `无法连接决算通后台:${(error as Error).message}` });
  }
  if (!envelope.ok) throw new CallError(envelope.error);
  return envelope.result as Results[M];
}
