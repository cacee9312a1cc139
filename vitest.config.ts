import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

const shared = {
  resolve: {
    alias: {
      "@/": root,
      // Data-access modules are marked server-only; tests are a server too.
      "server-only": fileURLToPath(new URL("node_modules/server-only/empty.js", import.meta.url)),
    },
  },
};

export default defineConfig({
  test: {
    env: { TZ: "UTC" },
    projects: [
      {
        ...shared,
        // Property tests run hundreds of generated cases; on a busy shared machine one can pass the 5-second default.
        test: { name: "unit", include: ["lib/**/*.test.ts", "scripts/**/*.test.ts"], environment: "node", testTimeout: 30_000 },
      },
      {
        ...shared,
        test: {
          name: "integration",
          include: ["tests/**/*.int.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/global-setup.ts"],
          setupFiles: ["tests/support/test-env.ts"],
          // One database for the run; each test builds its own organization, so files may share it but run one at a time.
          fileParallelism: false,
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
