import { inject } from "vitest";

// Before any test module loads lib/db/client, point it at this run's database.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET ??= "integration-tests-secret-that-is-long-enough";
process.env.AUDIT_CHAIN_KEY ??= "integration-tests-audit-chain-key-long-enough";
