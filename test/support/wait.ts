/** Polls `check` until it holds; rejects naming `what` after `timeoutMs`. For tests that wait on real sockets and timers. */
export async function waitUntil(check: () => boolean, what: string, timeoutMs = 5000, everyMs = 20): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
