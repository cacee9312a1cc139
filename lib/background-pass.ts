export type BackgroundPass = { stop: () => Promise<void> };

/**
 * Runs `pass` every `intervalMs` in this process, never two at once: a tick that finds one running is skipped. A
 * failed pass (the database away, say) is reported to `onError` and tried again on the next tick. `stop` waits for a
 * pass in progress and runs a last one, so nothing written before shutdown waits for the next start.
 */
export function repeatInBackground(pass: () => Promise<unknown>, intervalMs: number, onError: (error: unknown) => void): BackgroundPass {
  let current: Promise<void> | null = null;
  const run = () => {
    current ??= pass()
      .then(() => undefined, onError)
      .finally(() => {
        current = null;
      });
    return current;
  };
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await current;
      await run();
    },
  };
}
