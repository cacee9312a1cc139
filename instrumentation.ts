import { noteFailure } from "@/lib/db/availability";

// Every error a request ends in (a page, a route, an action, the layout's session check) passes here: one that is the
// database's marks it down, so the HTTP server in front answers 503 rather than 500 (scripts/next-server.ts).
export function onRequestError(error: unknown): void {
  noteFailure(error);
}
