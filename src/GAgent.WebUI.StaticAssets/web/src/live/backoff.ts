/** Reconnect delays: exponential from `initialMs` to `maxMs`, with "equal jitter" so many tabs do not reconnect in step. */
export function backoffDelay(attempt: number, initialMs = 500, maxMs = 15000, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, initialMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
