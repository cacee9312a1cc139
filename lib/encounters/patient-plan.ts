import type { AvoidEntry, Recommendation } from "@/lib/ladder/recommendation";
import type { TaperSchedule } from "@/lib/ladder/taper-schedule";
import type { TherapyId } from "@/lib/ladder/vocabulary";
import type { EncounterDecision, EncounterDetail, EncounterOrder } from "./encounter-dto";

// The patient's one-page plan, in plain language, derived from the signed recommendation.

export type PatientPlan = {
  nextStep: { title: string; why: string };
  ptReferral: boolean;
  /** Where the referral went and how to reach the clinic. */
  ptContact: string | null;
  /** The goals written on the PT referral, in the doctor's words. */
  ptGoals: string | null;
  dailyHabit: string;
  tracking: string;
  /** What to do with each medicine ordered at this visit: start, keep taking, change, stop. */
  medicines: string[];
  /** The opioid reduction the patient agreed to, step by step; null when none was agreed at this visit. */
  opioidReduction: PlainTaper | null;
  /** Naloxone ordered at this visit, and how to use it. */
  naloxone: string | null;
  /** For a patient who takes an opioid: what not to take with it. */
  opioidSafety: string | null;
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

// The engine's taper schedule speaks to the clinician (drug names for withdrawal, when to offer treatment for
// opioid use disorder); the patient gets the same plan in their own words.
const PLAIN_WITHDRAWAL = [
  "Feeling nervous, restless, sweaty or shaky, or getting goose bumps: call us. We can give you medicine for a few days to ease it.",
  "Loose stools or stomach cramps: call us. There is medicine that helps.",
  "Feeling sick to your stomach: call us. There is medicine for that too.",
  "Sore muscles: acetaminophen (paracetamol) can help for a few days. Ask us before you take anything else.",
  "Trouble sleeping: go to bed at the same time each night. Do not take sleeping pills with your opioid.",
  "More pain after a step: this often gets better in a few days or weeks. Stay at the same dose and call us. Do not go back up on your own.",
  "Feeling very low, or thinking of hurting yourself: call us the same day. If you are in danger, call emergency services.",
];

const PLAIN_TAPER_SAFETY = [
  "Keep naloxone at home and show your family how to use it.",
  "Your body gets used to a lower dose fast. Never go back to your old dose on your own: it could now be an overdose.",
  "Get your opioid from one doctor and one pharmacy only.",
  "If it gets hard to control how much you take, tell us. There are treatments that help, and we will not judge you.",
];

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
    pauses: "If a step is hard, we can stay at the same dose for longer. We will slow down, not speed up.",
    ifWithdrawal: PLAIN_WITHDRAWAL,
    safety: PLAIN_TAPER_SAFETY,
  };
}

// Why this is the next step, per rung, in plain words (the engine's rationale is written for the clinician).
const WHY: Record<Recommendation["ladder"]["step"], string> = {
  "urgent-evaluation": "Some of your symptoms need tests soon to rule out a serious cause before any other treatment.",
  conservative: "Moving and exercise help back pain more than anything else, and they are safe. Pills and scans are not the first step.",
  pharmacologic: "Exercise is still the base of your plan. A medicine is added to help you keep moving, for as short a time as it helps.",
  interventional: "You have tried exercise and medicines for a long time. A procedure may now help, alongside your exercise.",
};

const OPIOID_SAFETY =
  "While you take an opioid medicine, do not drink alcohol and do not take sleeping pills, anxiety pills (like diazepam or alprazolam) or other medicines that make you sleepy: together they can slow or stop your breathing. Keep your medicine locked away from others.";

type PlanOptions = {
  working: boolean;
  /** The clinic this visit's PT referral went to. */
  ptClinic?: EncounterDetail["ptClinic"];
  orders: readonly (Pick<EncounterOrder, "kind" | "code" | "medicationAction" | "detail"> & Partial<Pick<EncounterOrder, "supply">>)[];
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
  const lasts = order.supply ? ` You get enough for ${order.supply.daysSupply} ${order.supply.daysSupply === 1 ? "day" : "days"}.` : "";
  switch (order.medicationAction) {
    case "stop":
      return `Stop ${order.code}.`;
    case "change":
      return `Change ${order.code} to the new dose${how}.${lasts}`;
    case "continue":
      return `Keep taking ${order.code}${how}.`;
    default:
      return `Start ${order.code}${how}.${lasts}`;
  }
}

function ptContact(clinic: PlanOptions["ptClinic"]): string {
  if (!clinic) return "The clinic will call you to book. If you have not heard from them in a week, call us.";
  const where = clinic.address ? ` at ${clinic.address}` : "";
  return `We sent your referral to ${clinic.name}${where}. They will call you to book. If you have not heard from them in a week, call ${clinic.phone ? `them at ${clinic.phone}` : "us"}.`;
}

function ptGoals(orders: PlanOptions["orders"]): string | null {
  const goals = (orders.find((order) => order.kind === "pt_referral")?.detail as { goals?: unknown } | undefined)?.goals;
  return typeof goals === "string" && goals.trim() ? goals.trim() : null;
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
      why: suspended ? WHY["urgent-evaluation"] : WHY[recommendation.ladder.step],
    },
    ptReferral: options.orders.some((order) => order.kind === "pt_referral"),
    ptContact: options.orders.some((order) => order.kind === "pt_referral") ? ptContact(options.ptClinic) : null,
    ptGoals: ptGoals(options.orders),
    medicines: options.orders.filter((order) => order.kind === "medication").map(plainMedicine),
    dailyHabit: options.working
      ? "Start with 10 minutes a day, for example a brisk walk at lunch and a few of your exercises after work. Even 10 minutes counts; build up to 20-30 minutes when you can."
      : "Move for 20-30 minutes every day: walking, your exercises, gentle stretching. Stay just below the point where pain flares, and build up week by week.",
    tracking: "Each day, write down your pain (0-10), how well you slept, and what you did. Bring it to your next visit: it shows what is working.",
    opioidReduction: taper ? plainTaper(taper) : null,
    naloxone: options.orders.some((order) => order.kind === "naloxone")
      ? "Naloxone nasal spray reverses an opioid overdose. Keep it where the people you live with can find it and show them how to use it: if you cannot be woken or your breathing is very slow, they spray it into your nose and call emergency services."
      : null,
    opioidSafety: recommendation.mme.items.length > 0 ? OPIOID_SAFETY : null,
    avoid,
    support: ["PainConnection.org: people living with long-term pain, sharing what helps.", "Chronic Pain Anonymous: peer support groups, online and in person."],
    comeBack: [
      "Go to the emergency room right away if the skin between your legs goes numb. Go too if you cannot pee, cannot hold your pee or poop, or both legs get weak.",
      "Call us sooner if the pain gets much worse, you have a fever, or you lose weight without trying.",
      suspended ? "Come back after your tests, as arranged." : "Book a follow-up in 4-6 weeks so we can see how the plan is working.",
    ],
  };
}
