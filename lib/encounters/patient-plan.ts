import type { Recommendation } from "@/lib/ladder/recommendation";

// The patient's one-page plan, in plain language, derived from the signed recommendation.

export type PatientPlan = {
  nextStep: { title: string; why: string };
  ptReferral: boolean;
  dailyHabit: string;
  tracking: string;
  avoid: string[];
  support: string[];
  comeBack: string[];
};

export function buildPatientPlan(recommendation: Recommendation, options: { working: boolean; ptReferral: boolean }): PatientPlan {
  const primary = recommendation.next[0];
  const suspended = recommendation.ladder.suspended;
  const avoid = [
    "Staying in bed: gentle movement helps your back heal faster than rest.",
    "Taking anti-inflammatory pills (like ibuprofen or naproxen) every day for months unless your doctor has said it is safe.",
    ...(recommendation.avoid.some((a) => a.therapy === "imaging") ? ["Scans for back pain without warning signs: they rarely change the treatment."] : []),
    "Relying on massage or manipulation alone: they feel good for a while but exercise is what lasts.",
  ];
  return {
    nextStep: {
      title: suspended ? "Get checked urgently today" : (primary?.title ?? "Keep active"),
      why: suspended ? "Some of your symptoms need urgent tests to rule out a serious cause before any other treatment." : recommendation.ladder.rationale,
    },
    ptReferral: options.ptReferral,
    dailyHabit: options.working
      ? "Start with 10 minutes a day, for example a brisk walk at lunch and a few of your exercises after work. Even 10 minutes counts; build up to 20-30 minutes when you can."
      : "Move for 20-30 minutes every day: walking, your exercises, gentle stretching. Stay just below the point where pain flares, and build up week by week.",
    tracking: "Each day, write down your pain (0-10), how well you slept, and what you did. Bring it to your next visit: it shows what is working.",
    avoid,
    support: ["PainConnection.org: community and education for people living with chronic pain.", "Chronic Pain Anonymous: peer support groups, online and in person."],
    comeBack: [
      "Go to the emergency department at once if you notice numbness between your legs, new trouble passing or holding urine or stool, or weakness in both legs.",
      "Call us sooner if the pain gets much worse, you have a fever, or you lose weight without trying.",
      suspended ? "Come back after your urgent tests, as arranged." : "Book a follow-up in 4-6 weeks so we can see how the plan is working.",
    ],
  };
}
