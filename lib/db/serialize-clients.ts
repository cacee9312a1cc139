import type { PGlite } from "@electric-sql/pglite";
import type { PGLiteSocketServer } from "@electric-sql/pglite-socket";

// PGlite is one Postgres session; pglite-socket shares it among its clients through a queue of wire messages. The
// queue keeps a transaction's messages together, but not the Parse, Bind, Describe, Execute of one extended-protocol
// query outside a transaction: another client's Parse can land in between, replace the shared unnamed statement,
// and hand one client the other's rows. This replaces the queue's loop (written against pglite-socket 0.2.17) so a
// client that has begun a query keeps the session until its Sync, and keeps it through a transaction as before.

type Queued = { handlerId: number; message: Uint8Array; resolve: (bytes: number) => void; reject: (error: unknown) => void; onData: (data: Uint8Array) => void };
type QueueInternals = {
  db: PGlite;
  queue: Queued[];
  processing: boolean;
  lastHandlerId: number | null;
  processQueue: () => Promise<void>;
  clearQueueForHandler: (handlerId: number) => void;
};

// Parse, Bind, Describe, Execute, Close and Flush continue a query; Sync, a simple Query or anything else ends it.
const CONTINUES_QUERY = new Set(["P", "B", "D", "E", "C", "H"].map((type) => type.charCodeAt(0)));

export function serializeClients(server: PGLiteSocketServer): void {
  const queue = (server as unknown as { queryQueue: QueueInternals }).queryQueue;
  if (!Array.isArray(queue?.queue) || typeof queue.processQueue !== "function") throw new Error("pglite-socket's query queue has changed: review lib/db/serialize-clients.ts");
  let midQuery: number | null = null;

  queue.processQueue = async function processQueue(this: QueueInternals) {
    if (this.processing) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const holder = midQuery ?? (this.db.isInTransaction() ? this.lastHandlerId : null);
        const index = holder === null ? 0 : this.queue.findIndex((item) => item.handlerId === holder);
        // The session belongs to a client whose next message has not arrived yet: its enqueue restarts the loop.
        if (index === -1) break;
        const [item] = this.queue.splice(index, 1) as [Queued];
        let bytes = 0;
        try {
          await this.db.runExclusive(() => this.db.execProtocolRawStream(item.message, { onRawData: (data) => ((bytes += data.length), item.onData(data)) }));
        } catch (error) {
          midQuery = null;
          item.reject(error);
          continue;
        }
        midQuery = CONTINUES_QUERY.has(item.message[0]!) ? item.handlerId : null;
        this.lastHandlerId = item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };

  const clear = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId: number) => {
    clear(handlerId);
    if (midQuery === handlerId) midQuery = null;
    void queue.processQueue();
  };
}
