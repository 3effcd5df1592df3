/**
 * Work that must follow a change but must not stand between the clerk's key and the frame that
 * shows its result (the year's 审核, column widths): it runs once after the next paint, however
 * often it was asked for meanwhile, and always reads the state as it is when it runs.
 *
 * Where nothing paints (the store driven from Node in tests) it runs at the end of the current
 * task instead, so awaiting the change that asked for it also sees it done.
 */
export interface AfterPaint {
  /** Asks for one run after the next paint; further asks before it runs share that run. */
  request(): void;
  /**
   * Asks for one run at the latest after `delay` ms, sooner when request() is called meanwhile: for
   * work nobody waits on yet, such as the first 审核 of a year just opened, which ran between the
   * first paint of its grid and the grid taking the focus.
   */
  requestBy(delay: number): void;
}

const HIDDEN_WINDOW_DELAY = 200;

export function afterPaint(task: () => void): AfterPaint {
  /** A run is owed; `soon`: one is on its way after the next paint. */
  let pending = false;
  let soon = false;
  const run = () => {
    if (!pending) return;
    pending = false;
    soon = false;
    task();
  };
  const paints = typeof requestAnimationFrame === 'function' && typeof MessageChannel === 'function';
  // A message posted from an animation-frame callback is delivered after that frame is painted,
  // without setTimeout's minimum delay.
  const channel = paints ? new MessageChannel() : null;
  if (channel) channel.port1.onmessage = run;
  return {
    request() {
      pending = true;
      if (soon) return;
      soon = true;
      if (!channel) return queueMicrotask(run);
      requestAnimationFrame(() => channel.port2.postMessage(null));
      // A hidden window paints no frames: the work still happens, a little later.
      setTimeout(run, HIDDEN_WINDOW_DELAY);
    },
    requestBy(delay) {
      if (pending) return;
      pending = true;
      if (!channel) return queueMicrotask(run);
      setTimeout(run, delay);
    },
  };
}
