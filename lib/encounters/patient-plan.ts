import type { AvoidEntry, Recommendation } from "@/lib/ladder/recommendation";
import type { TaperSchedule } from "@/lib/ladder/taper-schedule";
import type { TherapyId } from "@/lib/ladder/vocabulary";
import type { EncounterDecision, EncounterOrder } from "./encounter-dto";

// The patient's one-page plan, in plain language, derived from the signed recommendation.

export type PatientPlan = {
  nextStep: { title: string; why: string };
  ptReferral: boolean;
  dailyHabit: string;
  tracking: string;
  /** What to do with each medicine ordered at this visit: start, keep taking, change, stop. */
  medicines: string[];
  /** The opioid reduction the patient agreed to, step by step; null when none was agreed at this visit. */
  opioidReduction: PlainTaper | null;
  /** Naloxone ordered at this visit, and how to use it. */
  naloxone: string | null;
  avoid: string[];
  support: string[];
  comeBack: string[];
};

export type PlainTaper = { pace: string; steps: string[]; review: string; pauses: string; ifWithdrawal: string[]; safety: string[] };

// What each avoid entry means for the patient. Only the entries that apply to this patient are in the recommendation.
const AVOID_TEXT: Partial<Record<TherapyId, (entry: AvoidEntry) => string>> = {
  "bed-rest": () => "Staying in bed: gentle movement helps your back heal faster than rest.",
  opioid: (entry) =>
    entry.reason.startsWith("Already takes")
      ? "Raising your opioid painkiller dose or adding another one: higher doses bring more risk, not more relief."
      : "Starting opioid painkillers: for back pain they work no better than other treatments and can cause dependence and overdose.",
  imaging: () => "Scans for back pain without warning signs: they rarely change the treatment.",
  nsaid: (entry) =>
    entry.reason.startsWith("Unsafe")
      ? "Anti-inflammatory pills such as ibuprofen or naproxen, including ones you buy without a prescription: they are not safe for you."
      : "Taking anti-inflammatory pills (like ibuprofen or naproxen) every day for months: use the lowest dose for the shortest time.",
  "spinal-manipulation": () => "Relying on spinal manipulation alone: it can feel good for a while, but exercise is what lasts.",
  massage: () => "Relying on massage alone: it can feel good for a while, but exercise is what lasts.",
  "epidural-steroid-injection": () => "Expecting an injection to fix back pain for good: at best it eases pain for some months.",
  "facet-joint-injection": () => "Steroid injections into the small joints of the spine: they help no more than a dummy injection.",
  acetaminophen: () => "Relying on acetaminophen (paracetamol) alone: on its own it does not ease back pain.",
  "oral-corticosteroid": () => "Steroid tablets (like prednisone) for back pain: they do not help it and have side effects.",
  benzodiazepine: () => "Sedatives such as diazepam or alprazolam for back pain: they do not ease it, and with opioid painkillers they can stop your breathing.",
  gabapentinoid: () => "Gabapentin or pregabalin for back pain or sciatica: they help no more than a dummy pill and often cause dizziness.",
  tricyclic: () => "Amitriptyline-type medicines for back pain: they have not been shown to ease it and can cause drowsiness and falls.",
  "muscle-relaxant": () => "Muscle relaxants for long-lasting back pain: they make you drowsy without lasting relief.",
  duloxetine: () => "Duloxetine for back pain: UK guidance does not recommend it.",
  acupuncture: () => "Acupuncture for back pain: UK guidance does not recommend it.",
};

function plainTaper(schedule: TaperSchedule): PlainTaper {
  const drug = schedule.start[0];
  const dose = (step: TaperSchedule["steps"][number]) => {
    const daily = step.doses[0];
    if (drug && daily?.dailyMg !== undefined) return ` (${drug.drug} ${daily.dailyMg} mg a day)`;
    if (drug && daily?.mcgPerHour !== undefined) return ` (${drug.drug} patch ${daily.mcgPerHour} mcg/h, rounded to the nearest patch strength)`;
    return "";
  };
  return {
    pace: schedule.pace === "monthly" ? "A small step down about every 4 weeks." : "A small step down about every week.",
    steps: schedule.steps.map((step) => `Week ${step.week}: ${step.percentOfStart}% of your dose today${dose(step)}.`),
    review: `At week ${schedule.steps[schedule.steps.length - 1]?.week ?? 0} we decide together whether to stay at that dose or keep going down.`,
    pauses: "If a step is hard (withdrawal, more pain, a difficult time), we can stay at the same dose for longer. We will slow down, not speed up.",
    ifWithdrawal: schedule.withdrawal.map((w) => `${w.symptoms}: ${w.whatToDo}.`),
    safety: schedule.safety,
  };
}

type PlanOptions = {
  working: boolean;
  orders: readonly Pick<EncounterOrder, "kind" | "code" | "medicationAction" | "detail">[];
  decisions: readonly Pick<EncounterDecision, "target" | "itemKey" | "response">[];
};

type Sig = { doseMg?: number; dosesPerDay?: number; mcgPerHour?: number; prn?: boolean };

function plainSig(sig: Sig): string {
  const amount = sig.mcgPerHour !== undefined ? `a ${sig.mcgPerHour} mcg/h patch` : sig.doseMg !== undefined ? `${sig.doseMg} mg` : "";
  const often = sig.dosesPerDay === undefined ? "" : sig.dosesPerDay === 1 ? "once a day" : sig.dosesPerDay === 2 ? "twice a day" : `${sig.dosesPerDay} times a day`;
  const timing = sig.prn ? `only when you need it${often ? `, at most ${often}` : ""}` : often;
  return [amount, timing].filter(Boolean).join(", ");
}

function plainMedicine(order: PlanOptions["orders"][number]): string {
  const sig = plainSig((order.detail ?? {}) as Sig);
  const how = sig ? `: ${sig}` : "";
  switch (order.medicationAction) {
    case "stop":
      return `Stop ${order.code}.`;
    case "change":
      return `Change ${order.code} to the new dose${how}.`;
    case "continue":
      return `Keep taking ${order.code}${how}.`;
    default:
      return `Start ${order.code}${how}.`;
  }
}

/** The taper the patient agreed to: the taper plan ordered at this visit, or, in records from before taper orders, the accepted suggestion. */
function agreedTaper(recommendation: Recommendation, options: PlanOptions): TaperSchedule | null {
  const ordered = options.orders.find((order) => order.kind === "taper_plan");
  if (ordered) return ordered.detail as TaperSchedule;
  const taperId = recommendation.next.find((s) => s.therapy === "opioid-taper-plan")?.id;
  const accepted = options.decisions.some((d) => d.target === "suggestion" && d.itemKey === taperId && d.response === "accepted");
  return accepted ? recommendation.taperSchedule : null;
}

export function buildPatientPlan(recommendation: Recommendation, options: PlanOptions): PatientPlan {
  const primary = recommendation.next[0];
  // A taper is offered, never imposed: it is in the patient's plan only when they agreed to it at this visit.
  const taper = agreedTaper(recommendation, options);
  const suspended = recommendation.ladder.suspended;
  const avoid = recommendation.avoid.flatMap((entry) => {
    const text = AVOID_TEXT[entry.therapy];
    return text ? [text(entry)] : [];
  });
  return {
    nextStep: {
      title: suspended ? "Get checked urgently" : (primary?.title ?? "Keep active"),
      why: suspended ? "Some of your symptoms need tests to rule out a serious cause before any other treatment." : recommendation.ladder.rationale,
    },
    ptReferral: options.orders.some((order) => order.kind === "pt_referral"),
    medicines: options.orders.filter((order) => order.kind === "medication").map(plainMedicine),
    dailyHabit: options.working
      ? "Start with 10 minutes a day, for example a brisk walk at lunch and a few of your exercises after work. Even 10 minutes counts; build up to 20-30 minutes when you can."
      : "Move for 20-30 minutes every day: walking, your exercises, gentle stretching. Stay just below the point where pain flares, and build up week by week.",
    tracking: "Each day, write down your pain (0-10), how well you slept, and what you did. Bring it to your next visit: it shows what is working.",
    opioidReduction: taper ? plainTaper(taper) : null,
    naloxone: options.orders.some((order) => order.kind === "naloxone")
      ? "Naloxone nasal spray reverses an opioid overdose. Keep it where the people you live with can find it and show them how to use it: if you cannot be woken or your breathing is very slow, they spray it into your nose and call emergency services."
      : null,
    avoid,
    support: ["PainConnection.org: community and education for people living with chronic pain.", "Chronic Pain Anonymous: peer support groups, online and in person."],
    comeBack: [
      "Go to the emergency department at once if you notice numbness between your legs, new trouble passing or holding urine or stool, or weakness in both legs.",
      "Call us sooner if the pain gets much worse, you have a fever, or you lose weight without trying.",
      suspended ? "Come back after your tests, as arranged." : "Book a follow-up in 4-6 weeks so we can see how the plan is working.",
    ],
  };
}
