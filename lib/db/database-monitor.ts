import type { ServerState } from "./availability";

// Keeps ServerState.databaseDown current for the HTTP server in front: a cheap query every few seconds, at once when
// the app reports a failure that looks like the database's, and every second while it is down, so pages are answered
// 503 during an outage and served again as soon as the database is back, without a restart.

const UP_INTERVAL_MS = 3_000;
const DOWN_INTERVAL_MS = 1_000;

export type DatabaseMonitor = { stop: () => void };

export function startDatabaseMonitor(state: ServerState, ping: () => Promise<unknown>, onChange: (down: boolean) => void = () => {}): DatabaseMonitor {
  let timer: NodeJS.Timeout | undefined;
  let checking: Promise<void> | null = null;
  let stopped = false;
  const schedule = () => {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(() => void check(), state.databaseDown ? DOWN_INTERVAL_MS : UP_INTERVAL_MS).unref();
  };
  const check = () => {
    checking ??= ping()
      .then(
        () => false,
        () => true,
      )
      .then((down) => {
        if (down !== state.databaseDown) onChange(down);
        state.databaseDown = down;
      })
      .finally(() => {
        checking = null;
        schedule();
      });
    return checking;
  };
  state.recheckDatabase = () => void check();
  void check();
  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      state.recheckDatabase = () => {};
    },
  };
}
