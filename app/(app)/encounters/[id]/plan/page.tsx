import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { recordPageData } from "@/lib/http/page-data";
import { getEncounter } from "@/lib/encounters/encounters-data";
import { buildPatientPlan } from "@/lib/encounters/patient-plan";
import { PrintButton } from "@/components/encounters/print-button";

export const metadata: Metadata = { title: "Your back pain plan" };

export default async function PlanPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const encounter = await recordPageData(() => getEncounter(actor, id));
  if (encounter.status !== "signed" || !encounter.recommendation) notFound();
  const plan = buildPatientPlan(encounter.recommendation, {
    working: encounter.assessment.patient?.employment === "working",
    ptClinic: encounter.ptClinic,
    orders: encounter.orders,
    decisions: encounter.decisions,
  });
  return (
    <article className="mx-auto max-w-2xl space-y-5 bg-white p-8 text-[15px] leading-relaxed print:p-0">
      <header className="flex items-start justify-between">
        <div>
          <h1 className="text-2xl font-semibold">Your back pain plan</h1>
          <p className="text-sm text-muted">
            {encounter.patient.name} · {encounter.date} · from {encounter.clinicianName}
          </p>
        </div>
        <PrintButton />
      </header>
      <section>
        <h2 className="font-semibold">Your next step</h2>
        <p className="font-medium">{plan.nextStep.title}</p>
        <p>{plan.nextStep.why}</p>
      </section>
      {plan.ptReferral && (
        <section>
          <h2 className="font-semibold">Physical therapy</h2>
          <p>{plan.ptContact}</p>
          <p>The program usually runs 6-8 weeks with 2-3 sessions a week, plus exercises at home every day.</p>
          {plan.ptGoals && <p>Your goal: {plan.ptGoals}</p>}
          <p>Doing your home exercises matters most: most people who do them get better, and far fewer who skip them do.</p>
        </section>
      )}
      <section>
        <h2 className="font-semibold">Your daily movement habit</h2>
        <p>{plan.dailyHabit}</p>
      </section>
      <section>
        <h2 className="font-semibold">Track your pain</h2>
        <p>{plan.tracking}</p>
      </section>
      {plan.medicines.length > 0 && <PlanList title="Your medicines" items={plan.medicines} />}
      {plan.opioidReduction && (
        <section>
          <h2 className="font-semibold">Reducing your opioid painkiller, slowly</h2>
          <p>{plan.opioidReduction.pace}</p>
          <ul className="list-inside list-disc">
            {plan.opioidReduction.steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ul>
          <p>{plan.opioidReduction.review}</p>
          <p>{plan.opioidReduction.pauses}</p>
          <PlanList title="If you feel unwell during a step" items={plan.opioidReduction.ifWithdrawal} level={3} />
          <PlanList title="Staying safe" items={plan.opioidReduction.safety} level={3} />
        </section>
      )}
      {plan.opioidSafety && (
        <section>
          <h2 className="font-semibold">Staying safe with an opioid</h2>
          <p>{plan.opioidSafety}</p>
        </section>
      )}
      {plan.naloxone && (
        <section>
          <h2 className="font-semibold">Naloxone, for emergencies</h2>
          <p>{plan.naloxone}</p>
        </section>
      )}
      {plan.avoid.length > 0 && <PlanList title="What to avoid" items={plan.avoid} />}
      <PlanList title="Where to find support" items={plan.support} />
      <PlanList title="When to come back" items={plan.comeBack} />
    </article>
  );
}

function PlanList({ title, items, level = 2 }: { title: string; items: string[]; level?: 2 | 3 }) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section>
      <Heading className="font-semibold">{title}</Heading>
      <ul className="list-inside list-disc">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </section>
  );
}
