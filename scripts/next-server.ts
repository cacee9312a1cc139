// The HTTP server in front of the app: the one place that sees the socket, so the one place that decides the client's
// address (lib/http/client-address.ts). Started by scripts/serve.ts with the database and secrets in place.
//   tsx scripts/next-server.ts [--dev]
import { createServer } from "node:http";
import next from "next";
import { applyClientAddress, parseTrustedProxies } from "../lib/http/client-address";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const trusted = parseTrustedProxies(process.env.TRUSTED_PROXIES);
// Served at an https address, browsers are told to use nothing else for a year, for every kind of response.
const hsts = process.env.NEXTAUTH_URL?.startsWith("https://") ? "max-age=31536000; includeSubDomains" : null;

// The methods the app answers; others (TRACE, PUT, ...) get 405 here rather than reaching Next.
const METHODS = new Set(["GET", "HEAD", "POST"]);

const app = next({ dev, port, dir: process.cwd() });
const handle = app.getRequestHandler();

void app.prepare().then(() => {
  createServer((request, response) => {
    if (!METHODS.has(request.method ?? "")) {
      response.writeHead(405, { Allow: [...METHODS].join(", "), "Content-Type": "application/json", "Cache-Control": "no-store" });
      response.end(JSON.stringify({ error: "method-not-allowed", message: `${request.method} is not supported.` }));
      return;
    }
    applyClientAddress(request.headers, request.socket.remoteAddress, trusted);
    if (hsts) response.setHeader("Strict-Transport-Security", hsts);
    void handle(request, response);
  }).listen(port, () => console.log(`[backstep] listening on port ${port}`));
});
