import { z } from "zod";
import { DECISION_REASON_CODES } from "./decision-reasons";
import { completeSupply } from "./supply";
import { DRUGS, INDICATIONS, MEDICATION_FORMS, ORDER_ACTIONS, PROCEDURE_THERAPIES } from "@/lib/ladder/vocabulary";
import { plainText } from "@/lib/plain-text";

// What the signing form sends. The assessment itself is checked against the recommendation contract separately,
// so its issues carry the contract's field names under "assessment.".

export const decisionInput = z.strictObject({
  target: z.enum(["suggestion", "alert", "avoid"], { error: "target must be suggestion, alert or avoid" }),
  itemKey: z.string().min(1).max(200),
  response: z.enum(["accepted", "declined", "acknowledged", "overridden"], { error: "response must be accepted, declined, acknowledged or overridden" }),
  reasonCode: z.enum(DECISION_REASON_CODES, { error: `reason must be one of ${DECISION_REASON_CODES.join(", ")}` }).optional(),
  comment: plainText(z.string().trim().max(2000, { error: "comment is limited to 2000 characters" }), "comment", "note").optional(),
});

const text = (label: string) => plainText(z.string().trim().min(1, { error: `${label} is required` }).max(500), label);

export const orderInput = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({
      kind: z.literal("medication"),
      // What the order does to the current list: a new medicine (or a renewal), or continue, change or stop one taken.
      action: z.enum(ORDER_ACTIONS, { error: `action must be one of ${ORDER_ACTIONS.join(", ")}` }).default("new"),
      medication: z.strictObject({
        drug: z.enum(DRUGS, { error: "choose a drug from the list" }),
        form: z.enum(MEDICATION_FORMS).optional(),
        doseMg: z.number({ error: "dose (mg) must be a number" }).positive({ error: "dose must be more than 0" }).max(10_000, { error: "dose must be at most 10000 mg" }).optional(),
        dosesPerDay: z.number({ error: "doses per day must be a number" }).positive({ error: "doses per day must be more than 0" }).max(48, { error: "doses per day must be at most 48" }).optional(),
        mcgPerHour: z.number({ error: "mcg/h must be a number" }).positive({ error: "mcg/h must be more than 0" }).max(1000, { error: "mcg/h must be at most 1000" }).optional(),
        prn: z.boolean().optional(),
        indication: z.enum(INDICATIONS).optional(),
      }),
      // What is dispensed, for a medicine prescribed now (new, renewed or changed); nothing for continue or stop.
      // Either part may be blank in a draft; signing needs both.
      supply: z
        .strictObject({
          quantity: z.number({ error: "quantity must be a whole number" }).int({ error: "quantity must be a whole number" }).min(1, { error: "quantity must be at least 1" }).max(10_000, { error: "quantity must be at most 10000" }).optional(),
          daysSupply: z.number({ error: "days' supply must be a whole number of days" }).int({ error: "days' supply must be a whole number of days" }).min(1, { error: "days' supply must be at least 1 day" }).max(365, { error: "days' supply must be at most 365 days" }).optional(),
        })
        .optional(),
    }),
    z.strictObject({ kind: z.literal("naloxone") }),
    z.strictObject({ kind: z.literal("urine_drug_test") }),
    // The schedule is the engine's, worked out on the server at signing from the reconciled list.
    z.strictObject({ kind: z.literal("taper_plan") }),
    z.strictObject({ kind: z.literal("pt_referral"), priority: z.enum(["routine", "soon", "urgent"]).default("routine"), goals: plainText(z.string().trim().max(1000), "goals", "note").optional() }),
    z.strictObject({ kind: z.literal("imaging"), code: z.enum(["imaging", "urgent-imaging"]), study: text("study"), reason: text("reason") }),
    z.strictObject({ kind: z.literal("injection"), code: z.enum(PROCEDURE_THERAPIES), level: plainText(z.string().trim().max(50), "level").optional(), reason: text("reason") }),
    z.strictObject({
      kind: z.literal("specialist_referral"),
      code: z.enum(["spine-surgery-referral", "emergency-referral", "multidisciplinary-rehabilitation", "psychological-therapy"]),
      reason: text("reason"),
    }),
  ],
  { error: "order kind must be medication, naloxone, urine_drug_test, taper_plan, pt_referral, imaging, injection or specialist_referral" },
);

// A draft keeps the visit's work so far: the assessment as typed, and the orders and decisions taken, each
// well-formed (whether they fit the assessment is judged at signing).
export const draftWork = {
  decisions: z.array(decisionInput).max(200).default([]),
  orders: z.array(orderInput).max(30).default([]),
};

// A draft may hold a prescription still being written; what is signed dispenses exactly what is prescribed.
export const signInput = z
  .strictObject({
    encounterId: z.uuid({ error: "encounter id must be a UUID" }),
    version: z.number({ error: "version is required" }).int().min(1),
    assessment: z.record(z.string(), z.unknown(), { error: "assessment must be an object" }),
    ...draftWork,
  })
  .check((ctx) => {
    const firstReferral = ctx.value.orders.findIndex((order) => order.kind === "pt_referral");
    ctx.value.orders.forEach((order, index) => {
      if (order.kind === "pt_referral" && index !== firstReferral) ctx.issues.push({ code: "custom", path: ["orders", index], message: "physical therapy is already referred at this visit", input: order });
      if (order.kind !== "medication") return;
      const dispensed = order.action === "new" || order.action === "change";
      const message =
        dispensed && !completeSupply(order.supply) ? "enter the quantity to dispense and the days it covers" : !dispensed && order.supply ? `nothing is dispensed for a medicine to ${order.action}` : null;
      if (message) ctx.issues.push({ code: "custom", path: ["orders", index, "supply"], message, input: order.supply });
    });
  });

export type SignInput = z.input<typeof signInput>;
export type OrderInput = z.output<typeof orderInput>;
export type DecisionInput = z.output<typeof decisionInput>;

export const draftInput = z.strictObject({
  encounterId: z.uuid({ error: "encounter id must be a UUID" }),
  version: z.number({ error: "version is required" }).int().min(1),
  assessment: z
    .record(z.string(), z.unknown(), { error: "assessment must be an object" })
    .refine((value) => JSON.stringify(value).length <= 100_000, { error: "the draft is too large to save" }),
  ...draftWork,
});

export type DraftInput = z.input<typeof draftInput>;
