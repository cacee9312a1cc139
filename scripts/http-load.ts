// A closed-loop load: `clients` callers each repeat `operation` until `durationMs` has passed (or `limit` operations
// have started), pausing `pauseMs` on average between operations when given (people, who read before they click),
// and the figures a benchmark prints from it.

export type LoadResult = { label: string; latencies: number[]; failures: number; failureKinds: Map<string, number>; seconds: number };

/** The operation returns its own latency in ms (when only part of it is the thing measured), or nothing to time it all. */
export type Operation = (index: number) => Promise<number | void>;

export async function runLoad(label: string, clients: number, durationMs: number, operation: Operation, limit = Infinity, pauseMs = 0): Promise<LoadResult> {
  const latencies: number[] = [];
  const failureKinds = new Map<string, number>();
  let started = 0;
  const begin = performance.now();
  const deadline = begin + durationMs;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      // Paced clients start at random moments across one pause, as people arrive, not all in the first millisecond.
      if (pauseMs) await new Promise((resolve) => setTimeout(resolve, pauseMs * Math.random()));
      while (performance.now() < deadline && started < limit) {
        const index = started++;
        const t = performance.now();
        try {
          const own = await operation(index);
          latencies.push(typeof own === "number" ? own : performance.now() - t);
        } catch (error) {
          const kind = error instanceof Error ? error.message.slice(0, 80) : String(error);
          failureKinds.set(kind, (failureKinds.get(kind) ?? 0) + 1);
        }
        // Pauses spread evenly around the mean, so the clients do not move in step.
        if (pauseMs) await new Promise((resolve) => setTimeout(resolve, pauseMs * (0.5 + Math.random())));
      }
    }),
  );
  const failures = [...failureKinds.values()].reduce((sum, n) => sum + n, 0);
  return { label, latencies, failures, failureKinds, seconds: (performance.now() - begin) / 1000 };
}

export function percentile(samples: number[], q: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

export function throughput(result: LoadResult): number {
  return result.latencies.length / result.seconds;
}

export function formatLoad(result: LoadResult): string {
  const figures = `p50 ${percentile(result.latencies, 0.5).toFixed(0).padStart(5)} ms  p99 ${percentile(result.latencies, 0.99).toFixed(0).padStart(5)} ms  ${throughput(result).toFixed(0).padStart(5)} req/s  ${String(result.failures).padStart(3)} failures`;
  const kinds = [...result.failureKinds].map(([kind, n]) => `\n      ${n}× ${kind}`).join("");
  return `  ${result.label.padEnd(34)} ${figures}${kinds}`;
}

/** Throws unless the response has the expected status, so it counts as a failure. */
export async function expectStatus(response: Response, status: number): Promise<Response> {
  if (response.status !== status) {
    await response.body?.cancel();
    throw new Error(`HTTP ${response.status}`);
  }
  return response;
}
