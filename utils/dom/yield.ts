/** Gives the main thread back to the browser: `scheduler.yield()` where there is one, else a new task. */
export function yieldToBrowser(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return s?.yield ? s.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Waits until the browser is idle, `timeout` ms at most (a new task where there is no `requestIdleCallback`):
 * for work that makes the browser restyle the page, so that it does not land in the middle of the page's own.
 */
export function idle(timeout: number): Promise<void> {
  const ric = (globalThis as { requestIdleCallback?: (cb: () => void, o: { timeout: number }) => number })
    .requestIdleCallback;
  return new Promise((resolve) => (ric ? ric(() => resolve(), { timeout }) : setTimeout(resolve, 0)));
}
