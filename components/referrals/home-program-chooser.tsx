"use client";

import { useState } from "react";
import { setHomeProgramAction } from "@/app/(app)/referrals/actions";
import type { Exercise, ProgramItem } from "@/lib/referrals/exercise-library";
import { formNumber } from "@/lib/http/form-number";
import { Button } from "@/components/ui/button";
import { FormOutcome } from "@/components/ui/form-outcome";
import { useActionResult } from "@/components/ui/use-action-result";

const DOSE_FIELDS = [
  ["sets", "Sets"],
  ["reps", "Repetitions"],
  ["timesPerDay", "Times a day"],
  ["holdSeconds", "Hold (s)"],
] as const;

/** The clinic chooses this patient's exercises from the library and sets each one's dose. */
export function HomeProgramChooser({ referralId, exercises, current }: { referralId: string; exercises: readonly Exercise[]; current: ProgramItem[] }) {
  const { pending, result, run, errors } = useActionResult();
  const [sent, setSent] = useState<string[]>([]);
  // "exercises.2.reps" names the third exercise sent: say which, in words.
  const problems = Object.entries(errors).map(([path, message]) => {
    const at = /^exercises\.(\d+)/.exec(path);
    const name = at ? exercises.find((e) => e.id === sent[Number(at[1])])?.name : undefined;
    return name ? `${name}: ${message}` : message;
  });
  const chosen = new Map(current.map((item) => [item.id, item]));
  return (
    <form
      noValidate
      aria-label="Choose the exercises"
      className="rounded-lg border border-line bg-white p-4"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const number = (name: string) => formNumber(data.get(name));
        const items = exercises
          .filter((e) => data.get(`${e.id}-on`) === "on")
          .map((e) => ({ id: e.id, sets: number(`${e.id}-sets`), reps: number(`${e.id}-reps`), timesPerDay: number(`${e.id}-timesPerDay`), holdSeconds: number(`${e.id}-holdSeconds`) }));
        setSent(items.map((item) => item.id));
        run(() => setHomeProgramAction({ referralId, exercises: items }));
      }}
    >
      <h2 className="mb-2 font-semibold">Choose this patient&apos;s exercises</h2>
      <ul className="divide-y divide-line">
        {exercises.map((exercise) => {
          const dose = chosen.get(exercise.id) ?? exercise.dose;
          return (
            <li key={exercise.id} className="flex flex-wrap items-end gap-3 py-2 text-sm">
              <label className="flex min-w-64 flex-1 items-center gap-2">
                <input type="checkbox" name={`${exercise.id}-on`} defaultChecked={chosen.has(exercise.id)} className="h-4 w-4" />
                <span>
                  {exercise.name} <span className="text-muted">· {exercise.part}</span>
                </span>
              </label>
              {DOSE_FIELDS.map(([field, label]) => (
                <label key={field} className="flex w-24 flex-col text-xs">
                  {label}
                  <input
                    type="number"
                    name={`${exercise.id}-${field}`}
                    min={1}
                    defaultValue={dose[field] ?? ""}
                    aria-label={`${label}, ${exercise.name}`}
                    className="mt-1 rounded-md border border-line px-2 py-1"
                  />
                </label>
              ))}
            </li>
          );
        })}
      </ul>
      {problems.length > 0 && (
        <ul className="mt-2 text-sm text-critical">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      <div className="mt-3 flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          Save the program
        </Button>
        <FormOutcome result={result} saved="Program saved." />
      </div>
    </form>
  );
}
