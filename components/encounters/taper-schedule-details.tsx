import type { TaperSchedule } from "@/lib/ladder/taper-schedule";

/** The first phase of a suggested opioid taper, for the clinician: pace and why, steps, pauses, withdrawal care. */
export function TaperScheduleDetails({ schedule }: { schedule: TaperSchedule }) {
  const drug = schedule.start[0];
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-brand">Taper schedule</summary>
      <p className="mt-1">
        Start: {schedule.startMmePerDay === null ? "MME not computable" : `${schedule.startMmePerDay} MME/day`}
        {drug?.dailyMg !== undefined ? ` (${drug.drug} ${drug.dailyMg} mg/day)` : drug?.mcgPerHour !== undefined ? ` (${drug.drug} ${drug.mcgPerHour} mcg/h)` : ""}. Pace: {schedule.paceReason}.
      </p>
      <table className="mt-1 w-full text-left">
        <caption className="sr-only">Taper steps</caption>
        <thead className="text-xs uppercase text-muted">
          <tr>
            <th scope="col">Week</th>
            <th scope="col">Of the starting dose</th>
            <th scope="col">MME/day</th>
            {drug && <th scope="col">Daily dose</th>}
          </tr>
        </thead>
        <tbody>
          {schedule.steps.map((step) => (
            <tr key={step.week} className="border-t border-line">
              <td>{step.week}</td>
              <td>{step.percentOfStart}%</td>
              <td>{step.mmePerDay ?? "—"}</td>
              {drug && <td>{step.doses[0]?.dailyMg !== undefined ? `${step.doses[0].dailyMg} mg` : step.doses[0]?.mcgPerHour !== undefined ? `${step.doses[0].mcgPerHour} mcg/h` : "—"}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-1">{schedule.review}</p>
      <p>{schedule.pauses}</p>
      <p className="mt-1 font-medium">Withdrawal symptoms</p>
      <ul className="list-inside list-disc">
        {schedule.withdrawal.map((w) => (
          <li key={w.symptoms}>
            {w.symptoms}: {w.whatToDo}
          </li>
        ))}
      </ul>
      <ul className="mt-1 list-inside list-disc">
        {schedule.safety.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </details>
  );
}
