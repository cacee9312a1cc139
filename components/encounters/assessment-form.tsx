"use client";

import { useState } from "react";
import type { AssessmentInput } from "@/lib/ladder/assessment-schema";
import type { Classification } from "@/lib/ladder/recommendation";
import {
  AGGRAVATING_MOVEMENTS,
  CONDITIONS,
  DIRECTIONAL_PREFERENCES,
  DISTRIBUTIONS,
  DRUGS,
  EMPLOYMENT,
  isMoudDrug,
  MEDICATION_FORMS,
  RED_FLAGS,
  RESPONSES,
  THERAPIES,
  TREATMENT_STATUSES,
} from "@/lib/ladder/vocabulary";
import { DEFAULT_ADHERENCE_THRESHOLD_PERCENT } from "@/lib/ladder/adequacy";
import { CheckControl, CodeChecklist, FormSection, NumberField, SelectControl } from "./form-controls";
import { GAD2_ITEMS, OSWESTRY_SECTIONS, PEG_INTERFERENCE, PHQ2_ITEMS, TWO_WEEK_FREQUENCY } from "./instruments";

export type AssessmentDraft = Partial<AssessmentInput>;

const START_BACK_ITEMS = [
  "Back pain spread down the leg(s)",
  "Pain in the shoulder or neck",
  "Only walked short distances because of back pain",
  "Dressed more slowly because of back pain",
  "Not safe for someone like me to be physically active",
  "Worrying thoughts a lot of the time",
  "Back pain is terrible and never going to get better",
  "Not enjoyed things I used to enjoy",
  "Bothered 'very much' or 'extremely' by back pain",
];
const TWO_ITEM_OPTIONS = ["0", "1", "2", "3"] as const;
const ODI_OPTIONS = ["0", "1", "2", "3", "4", "5"] as const;
const withScore = <T extends string>(labels: Record<T, string>): Record<T, string> =>
  Object.fromEntries(Object.entries(labels).map(([score, label]) => [score, `${score}: ${label as string}`])) as Record<T, string>;

/** Issues by contract path ("pain.intensity"), shown under the field they belong to. */
export type FieldErrors = Record<string, string>;

type Props = {
  value: AssessmentDraft;
  onChange: (next: AssessmentDraft) => void;
  classification: Classification | null;
  errors: FieldErrors;
  /** The organization sets the guideline profile for every visit. */
  profileLocked: boolean;
};

/** The visit's assessment: every field of the recommendation contract, keyboard-first, scores shown as filled. */
export function AssessmentForm({ value, onChange, classification, errors, profileLocked }: Props) {
  const pain = value.pain ?? ({} as Partial<AssessmentInput["pain"]>);
  const screening = value.screening ?? {};
  const setPain = (patch: Partial<AssessmentInput["pain"]>) => onChange({ ...value, pain: { ...pain, ...patch } as AssessmentInput["pain"] });
  const setScreening = (patch: Partial<NonNullable<AssessmentInput["screening"]>>) => onChange({ ...value, screening: { ...screening, ...patch } });
  const treatments = value.treatments ?? [];
  const threshold = value.settings?.adherenceThresholdPercent ?? DEFAULT_ADHERENCE_THRESHOLD_PERCENT;
  const medications = value.medications ?? [];
  const startBack = screening.startBack ?? Array(9).fill(0);
  // PEG's first item is the average pain already asked above; it counts once both interference items are filled.
  // Partial entries are kept here so nothing typed disappears.
  const [interference, setInterference] = useState<(number | undefined)[]>(screening.peg?.slice(1) ?? [undefined, undefined]);
  const pegOf = (intensity: number | undefined, items: (number | undefined)[]) =>
    intensity !== undefined && items.every((n) => n !== undefined) ? [intensity, ...(items as number[])] : undefined;
  const odi = screening.odi ?? Array(10).fill(null);

  return (
    <div className="space-y-4">
      <FormSection title="Guideline profile and patient">
        <div className="grid grid-cols-2 gap-3">
          {profileLocked ? (
            <div>
              <p className="block text-xs font-medium">Guideline profile</p>
              <p className="mt-1 py-1 text-sm">{value.profile ?? "us"} (set by your organization)</p>
            </div>
          ) : (
            <SelectControl id="profile" label="Guideline profile" value={value.profile ?? "us"} options={["us", "uk"] as const} onChange={(profile) => onChange({ ...value, profile: profile ?? "us" })} />
          )}
          <SelectControl id="employment" label="Employment" value={value.patient?.employment} options={EMPLOYMENT} blank="not recorded" onChange={(employment) => onChange({ ...value, patient: { ...value.patient!, employment } })} />
        </div>
        <CheckControl label="Pregnant" checked={value.patient?.pregnant === true} onChange={(pregnant) => onChange({ ...value, patient: { ...value.patient!, pregnant } })} />
      </FormSection>

      <FormSection title="Red flags (ask at every visit)">
        <CodeChecklist legend="Findings present" codes={RED_FLAGS} selected={value.redFlags ?? []} onChange={(redFlags) => onChange({ ...value, redFlags })} />
      </FormSection>

      <FormSection title="Pain">
        <div className="grid grid-cols-2 gap-3">
          <NumberField id="durationWeeks" label="Duration (weeks)" value={pain.durationWeeks} min={0} error={errors["pain.durationWeeks"]} onChange={(durationWeeks) => setPain({ durationWeeks })} />
          <NumberField id="intensity" label="Average pain, last week (0-10)" value={pain.intensity} min={0} max={10} error={errors["pain.intensity"]} onChange={(intensity) => onChange({ ...value, pain: { ...pain, intensity } as AssessmentInput["pain"], ...(value.screening ? { screening: { ...screening, peg: pegOf(intensity, interference) } } : {}) })} />
          <SelectControl id="distribution" label="Distribution" value={pain.distribution} options={DISTRIBUTIONS} blank="back only (default)" onChange={(distribution) => setPain({ distribution })} />
          <SelectControl id="directionalPreference" label="Directional preference" value={pain.directionalPreference} options={DIRECTIONAL_PREFERENCES} blank="not tested" onChange={(directionalPreference) => setPain({ directionalPreference })} />
        </div>
        <div className="flex flex-wrap gap-4">
          <CheckControl label="Nerve-root signs (radicular)" checked={pain.radicular === true} onChange={(radicular) => setPain({ radicular })} />
          <CheckControl label="Burning or electric quality" checked={pain.neuropathicQuality === true} onChange={(neuropathicQuality) => setPain({ neuropathicQuality })} />
          <CheckControl label="Localized axial pain" checked={pain.localized === true} onChange={(localized) => setPain({ localized })} />
        </div>
        <CodeChecklist legend="Worse with" codes={AGGRAVATING_MOVEMENTS} selected={pain.aggravatedBy ?? []} onChange={(aggravatedBy) => setPain({ aggravatedBy })} />
      </FormSection>

      <FormSection title={`STarT Back${classification?.startBack ? `: ${classification.startBack.total}/9, psychosocial ${classification.startBack.psychosocial}/5, ${classification.startBack.risk} risk` : ""}`}>
        <div className="grid gap-1">
          {START_BACK_ITEMS.map((item, index) => (
            <CheckControl
              key={item}
              label={`${index + 1}. ${item}`}
              checked={startBack[index] === 1}
              onChange={(on) => setScreening({ startBack: startBack.map((v, i) => (i === index ? (on ? 1 : 0) : v)) })}
            />
          ))}
        </div>
      </FormSection>

      <FormSection title={`PEG and Oswestry${classification?.peg !== undefined ? `: PEG ${classification.peg}` : ""}${classification?.odiPercent !== undefined ? `, Oswestry ${classification.odiPercent}%` : ""}`}>
        <p className="text-xs text-muted">PEG: average pain is the pain score above; ask the two interference items.</p>
        <div className="grid gap-3 sm:grid-cols-2">
          {PEG_INTERFERENCE.map((item, index) => (
            <NumberField
              key={item}
              id={`peg-${index + 1}`}
              label={item}
              value={interference[index]}
              min={0}
              max={10}
              onChange={(v) => {
                const next = [0, 1].map((i) => (i === index ? v : interference[i]));
                setInterference(next);
                setScreening({ peg: pegOf(pain.intensity, next) });
              }}
            />
          ))}
        </div>
        <fieldset>
          <legend className="mb-1 text-xs font-medium">Oswestry Disability Index: the statement that fits today</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {OSWESTRY_SECTIONS.map((section, index) => (
              <SelectControl
                key={section.title}
                id={`odi-${index}`}
                label={`Oswestry ${index + 1}: ${section.title}`}
                value={odi[index] === null || odi[index] === undefined ? undefined : (String(odi[index]) as (typeof ODI_OPTIONS)[number])}
                options={ODI_OPTIONS}
                labels={withScore(Object.fromEntries(section.answers.map((answer, score) => [String(score), answer])) as Record<(typeof ODI_OPTIONS)[number], string>)}
                blank="not asked"
                onChange={(v) => setScreening({ odi: odi.map((s, i) => (i === index ? (v === undefined ? null : Number(v)) : s)) })}
              />
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend className="mb-1 text-xs font-medium">Over the last 2 weeks, how often have you been bothered by…</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {([["phq2", "PHQ-2", PHQ2_ITEMS], ["gad2", "GAD-2", GAD2_ITEMS]] as const).flatMap(([instrument, name, items]) =>
              items.map((item, index) => (
                <SelectControl
                  key={`${instrument}-${index}`}
                  id={`${instrument}-${index}`}
                  label={`${name}: ${item}`}
                  value={screening[instrument]?.[index] === undefined ? undefined : (String(screening[instrument]?.[index]) as (typeof TWO_ITEM_OPTIONS)[number])}
                  options={TWO_ITEM_OPTIONS}
                  labels={withScore(TWO_WEEK_FREQUENCY)}
                  blank="not asked"
                  onChange={(v) => {
                    const current = screening[instrument] ?? [0, 0];
                    setScreening({ [instrument]: current.map((s, i) => (i === index ? Number(v ?? 0) : s)) });
                  }}
                />
              )),
            )}
          </div>
        </fieldset>
      </FormSection>

      <FormSection title="Conditions and labs">
        <CodeChecklist legend="Conditions" codes={CONDITIONS} selected={value.conditions ?? []} onChange={(conditions) => onChange({ ...value, conditions })} />
        <NumberField id="egfr" label="eGFR (mL/min/1.73 m²)" value={value.labs?.egfr} min={0} error={errors["labs.egfr"]} onChange={(egfr) => onChange({ ...value, labs: { egfr } })} />
      </FormSection>

      <FormSection title="Treatments tried">
        {treatments.map((treatment, index) => {
          const set = (patch: Partial<typeof treatment>) => onChange({ ...value, treatments: treatments.map((t, i) => (i === index ? { ...t, ...patch } : t)) });
          return (
            <div key={index} className="grid grid-cols-4 items-end gap-2 border-b border-line pb-2 sm:grid-cols-7">
              <SelectControl id={`treatment-${index}-therapy`} label="Therapy" value={treatment.therapy} options={THERAPIES} onChange={(therapy) => therapy && set({ therapy })} />
              <SelectControl id={`treatment-${index}-status`} label="Status" value={treatment.status} options={TREATMENT_STATUSES} onChange={(status) => status && set({ status })} />
              <NumberField id={`treatment-${index}-weeks`} label="Weeks" value={treatment.weeks} min={0} error={errors[`treatments.${index}.weeks`]} onChange={(weeks) => set({ weeks })} />
              <NumberField id={`treatment-${index}-sessions`} label="Sessions" value={treatment.sessions} min={0} error={errors[`treatments.${index}.sessions`]} onChange={(sessions) => set({ sessions })} />
              <NumberField id={`treatment-${index}-adherence`} label="Adherence %" value={treatment.adherencePercent} min={0} max={100} error={errors[`treatments.${index}.adherencePercent`]} onChange={(adherencePercent) => set({ adherencePercent })} />
              <SelectControl id={`treatment-${index}-response`} label="Response" value={treatment.response} options={RESPONSES} blank="not recorded" onChange={(response) => set({ response })} />
              <button type="button" className="rounded border border-line px-2 py-1 text-xs" onClick={() => onChange({ ...value, treatments: treatments.filter((_, i) => i !== index) })}>
                Remove
              </button>
            </div>
          );
        })}
        <button type="button" className="rounded border border-line px-3 py-1 text-sm" onClick={() => onChange({ ...value, treatments: [...treatments, { therapy: "physical-therapy", status: "completed" }] })}>
          Add treatment
        </button>
        <p className="text-xs text-muted">
          An exercise program kept up less than {threshold}% of the time was not really tried, so the plan stays on its step with support ({threshold === DEFAULT_ADHERENCE_THRESHOLD_PERCENT ? "Backstep's default threshold" : "this organization's threshold"}).
        </p>
      </FormSection>

      <FormSection title="Current medications">
        {medications.map((medication, index) => {
          const set = (patch: Partial<typeof medication>) => onChange({ ...value, medications: medications.map((m, i) => (i === index ? { ...m, ...patch } : m)) });
          return (
            <div key={index} className="grid grid-cols-6 items-end gap-2 border-b border-line pb-2">
              <SelectControl
                id={`medication-${index}-drug`}
                label="Drug"
                value={medication.drug}
                options={DRUGS}
                onChange={(drug) => drug && set({ drug, indication: isMoudDrug(drug) ? medication.indication : undefined })}
              />
              <SelectControl id={`medication-${index}-form`} label="Form" value={medication.form} options={MEDICATION_FORMS} blank="—" onChange={(form) => set({ form })} />
              {medication.form === "patch" ? (
                <NumberField id={`medication-${index}-mcg`} label="Patch (mcg/h)" value={medication.mcgPerHour} min={0} error={errors[`medications.${index}.mcgPerHour`]} onChange={(mcgPerHour) => set({ mcgPerHour })} />
              ) : (
                <NumberField id={`medication-${index}-dose`} label="Dose (mg)" value={medication.doseMg} min={0} step={0.5} error={errors[`medications.${index}.doseMg`]} onChange={(doseMg) => set({ doseMg })} />
              )}
              <NumberField id={`medication-${index}-per-day`} label={medication.prn ? "Max doses/day" : "Doses/day"} value={medication.dosesPerDay} min={0} error={errors[`medications.${index}.dosesPerDay`]} onChange={(dosesPerDay) => set({ dosesPerDay })} />
              <div className="space-y-1">
                <CheckControl label="PRN" checked={medication.prn === true} onChange={(prn) => set({ prn })} />
                {isMoudDrug(medication.drug) && (
                  <CheckControl
                    label="For opioid use disorder"
                    checked={medication.indication === "opioid-use-disorder"}
                    onChange={(forOud) => set({ indication: forOud ? "opioid-use-disorder" : undefined })}
                  />
                )}
              </div>
              <button type="button" className="rounded border border-line px-2 py-1 text-xs" onClick={() => onChange({ ...value, medications: medications.filter((_, i) => i !== index) })}>
                Remove
              </button>
            </div>
          );
        })}
        <button type="button" className="rounded border border-line px-3 py-1 text-sm" onClick={() => onChange({ ...value, medications: [...medications, { drug: "naproxen" }] })}>
          Add medication
        </button>
      </FormSection>

      <FormSection title="Opioid safety and coverage">
        <div className="grid grid-cols-2 gap-3">
          <NumberField id="pdmp" label="PDMP reviewed (days ago)" value={value.opioidSafety?.pdmpReviewedDaysAgo ?? undefined} min={0} onChange={(pdmpReviewedDaysAgo) => onChange({ ...value, opioidSafety: { ...value.opioidSafety, pdmpReviewedDaysAgo } })} />
          <NumberField id="udt" label="Urine drug test (days ago)" value={value.opioidSafety?.urineDrugTestDaysAgo ?? undefined} min={0} onChange={(urineDrugTestDaysAgo) => onChange({ ...value, opioidSafety: { ...value.opioidSafety, urineDrugTestDaysAgo } })} />
          <NumberField id="ptUsed" label="PT visits used this year" value={value.coverage?.ptVisitsUsedThisYear} min={0} onChange={(ptVisitsUsedThisYear) => onChange({ ...value, coverage: { ...value.coverage, ptVisitsUsedThisYear } })} />
          <NumberField id="ptLimit" label="Covered PT visits a year" value={value.coverage?.ptVisitLimit} min={0} onChange={(ptVisitLimit) => onChange({ ...value, coverage: { ...value.coverage, ptVisitLimit } })} />
        </div>
        <CheckControl label="Naloxone on hand" checked={value.opioidSafety?.naloxoneOnHand === true} onChange={(naloxoneOnHand) => onChange({ ...value, opioidSafety: { ...value.opioidSafety, naloxoneOnHand } })} />
      </FormSection>
    </div>
  );
}
