// npm run bench:import — how long a practice's patient list of 10,000 rows takes to check (dry run) and to import,
// on the embedded database (ROWS=n for another size). Run with the react-server condition (see package.json) so the
// server-only modules load.
import { DEMO_ACCOUNTS } from "../prisma/demo-accounts";
import { demoBenchDatabase } from "./bench-database";

const ROWS = Number(process.env.ROWS ?? 10_000);

const admin = DEMO_ACCOUNTS.find((account) => account.role === "admin")!;
const { actor, close } = await demoBenchDatabase(admin.email);
const { importPatients } = await import("../lib/patients/patient-import-data");

const csv = ["MRN,Family name,Given name,Birth date,Sex", ...Array.from({ length: ROWS }, (_, i) => `IMPORT-${i},Family${i},Given${i},1970-01-${String(1 + (i % 28)).padStart(2, "0")},${"fmou"[i % 4]}`)].join("\n");
const timed = async (label: string, dryRun: boolean) => {
  const started = performance.now();
  const report = await importPatients(actor, { csv, dryRun });
  console.log(`${label.padEnd(24)} ${((performance.now() - started) / 1000).toFixed(2)} s (${report.rows.toLocaleString("en-US")} rows, ${report.created.toLocaleString("en-US")} created, ${report.problems.length} problems)`);
};
console.log(`a file of ${ROWS.toLocaleString("en-US")} patients, ${Math.round(csv.length / 1000)} KB, on the embedded database`);
await timed("check (dry run)", true);
await timed("import", false);
await close();
