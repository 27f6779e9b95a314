/** Waiting helpers for the bench phases. */

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Waits until `ready()` holds, polling; fails after `timeoutMs`. */
export async function until(ready: () => boolean, what: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(10);
  }
}
