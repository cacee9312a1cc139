// npm run bench:instances — two app processes on one PostgreSQL (BENCH_SERVER_URL, default the local server; a
// database is made for the run and dropped after) behind a loopback balancer that hands each new connection to the
// next process. 20 clinicians start and sign visits for the same 8 patients while 50 clients evaluate through the
// recommendation API. Afterwards: every signing either went through once or was refused as a conflict (never lost,
// never twice), nothing failed, and the audit chain verifies.
import { randomUUID } from "node:crypto";
import { createPrismaClient } from "../lib/db/prisma-client";
import { hashPassword } from "../lib/auth/password";
import { sealPendingEvents } from "../lib/audit/audit-sealer";
import { verifyAuditChain } from "../lib/audit/verify-chain";
import { DEMO_ACCOUNTS, DEMO_ORGANIZATION, DEMO_PASSWORD } from "../prisma/demo-accounts";
import { callServerAction, demoDatabase, HARNESS_AUDIT_KEY, signInOverHttp, startApp, startRelay } from "./app-processes";
import { expectStatus, formatLoad, runLoad } from "./http-load";

const SERVER = process.env.BENCH_SERVER_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CLINICIANS = 20;
const EVALUATORS = 50;
const SHARED_PATIENTS = 8;
const BALANCER_PORT = 3500;

const ASSESSMENT = { profile: "us", patient: { ageYears: 47 }, pain: { durationWeeks: 26, intensity: 5, aggravatedBy: ["flexion"] } };

const database = await demoDatabase(SERVER);
const db = createPrismaClient(database.url);
const balancerUrl = `http://localhost:${BALANCER_PORT}`;
const apps = [await startApp(3501, database.url, { NEXTAUTH_URL: balancerUrl }), await startApp(3502, database.url, { NEXTAUTH_URL: balancerUrl })];
const balancer = await startRelay(apps.map((app) => ({ host: "127.0.0.1", port: Number(new URL(app.url).port) })), BALANCER_PORT);
try {
  const organization = await db.organization.findUniqueOrThrow({ where: { slug: DEMO_ORGANIZATION.slug } });
  const practice = await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS[0].email }, select: { siteId: true } });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const emails = Array.from({ length: CLINICIANS }, (_, i) => `bench-clinician-${i}@backstep.test`);
  for (const [i, email] of emails.entries()) {
    await db.user.create({ data: { id: randomUUID(), organizationId: organization.id, siteId: practice.siteId, email, name: `Dr. Bench ${i}`, role: "clinician", credential: { create: { passwordHash } } } });
  }
  const cookies = await Promise.all(emails.map((email) => signInOverHttp(balancerUrl, email, DEMO_PASSWORD)));
  const patients = (await db.patient.findMany({ where: { organizationId: organization.id }, select: { id: true }, take: SHARED_PATIENTS })).map((p) => p.id);
  const evaluatorCookie = await signInOverHttp(balancerUrl, DEMO_ACCOUNTS[0].email, DEMO_PASSWORD);

  const outcomes = { signed: [] as { encounterId: string; clinician: string }[], conflicts: 0 };
  const sign = async (i: number) => {
    const clinician = i % CLINICIANS;
    const patientId = patients[(i * 7 + clinician) % patients.length]!;
    const started = await callServerAction(balancerUrl, cookies[clinician]!, `/patients/${patientId}`, "startVisitAction", [patientId]);
    const encounterId = started.redirect?.split("/").pop();
    if (!encounterId) throw new Error(`starting a visit: HTTP ${started.status}`);
    const t = performance.now();
    const signed = await callServerAction(balancerUrl, cookies[clinician]!, `/encounters/${encounterId}`, "signAction", [{ encounterId, version: 1, assessment: ASSESSMENT, decisions: [], orders: [] }]);
    const elapsed = performance.now() - t;
    if (signed.status === 200 && signed.text.includes('"ok":true')) outcomes.signed.push({ encounterId, clinician: emails[clinician]! });
    else if (signed.status === 200 && signed.text.includes('"code":"conflict"')) outcomes.conflicts += 1;
    else throw new Error(`signing: HTTP ${signed.status}`);
    return elapsed;
  };
  const evaluate = () =>
    fetch(`${balancerUrl}/api/v1/recommendations`, { method: "POST", headers: { Cookie: evaluatorCookie, "Content-Type": "application/json" }, body: JSON.stringify({ asOf: "2026-11-02", ...ASSESSMENT }) })
      .then((r) => expectStatus(r, 200))
      .then((r) => r.arrayBuffer())
      .then(() => undefined);

  const [signing, evaluating] = await Promise.all([runLoad("signing (20 clinicians, 8 patients)", CLINICIANS, SECONDS * 1000, sign), runLoad("evaluating (50 clients)", EVALUATORS, SECONDS * 1000, evaluate)]);

  // Every success is one encounter signed once, by the clinician told so; nothing else was signed meanwhile.
  const signedNow = await db.encounter.findMany({ where: { status: "signed", signedBy: { email: { in: emails } } }, select: { id: true, signedBy: { select: { email: true } } } });
  const byId = new Map(signedNow.map((e) => [e.id, e.signedBy!.email]));
  const lost = outcomes.signed.filter((s) => byId.get(s.encounterId) !== s.clinician).length;
  const unexplained = signedNow.length - outcomes.signed.length;
  await sealPendingEvents(db, HARNESS_AUDIT_KEY);
  const chain = await verifyAuditChain(db, HARNESS_AUDIT_KEY, { full: true });

  console.log(`two app processes on PostgreSQL behind a loopback balancer, ${SECONDS} s:`);
  console.log(formatLoad(signing));
  console.log(formatLoad(evaluating));
  console.log(`  connections per process: ${balancer.connections.join(" and ")}`);
  console.log(`  visits signed: ${outcomes.signed.length}; refused as a conflict (another clinician signed that draft first): ${outcomes.conflicts}`);
  console.log(`  lost or misattributed signings: ${lost}; signed encounters no response accounts for: ${unexplained}`);
  console.log(`  audit chain: ${chain.intact ? "intact" : `BROKEN at #${chain.firstBroken?.id}`}, ${chain.events} events verified, ${chain.awaitingSeal.count} waiting`);
  const failures = signing.failures + evaluating.failures;
  console.log(failures === 0 && lost === 0 && unexplained === 0 && chain.intact ? "aims met: no lost update, no failure, the chain verifies" : "aims NOT met");
} finally {
  await db.$disconnect();
  await Promise.all(apps.map((app) => app.stop()));
  await balancer.close();
  await database.close();
}
