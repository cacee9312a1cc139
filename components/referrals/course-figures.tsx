import type { CourseFigures } from "@/lib/referrals/outcomes";
import { describeOutcomeChange } from "./outcome-change";

/** A course's figures as a note reports them: visits, weeks, adherence, pain, and PEG and Oswestry against the MCID. */
export function CourseFiguresList({ figures }: { figures: CourseFigures }) {
  return (
    <ul className="space-y-0.5">
      <li>
        {figures.visitsAttended} visits attended, {figures.visitsMissed} missed, over {figures.weeks} weeks; home program adherence{" "}
        {figures.adherencePercent === null ? "not recorded" : `${figures.adherencePercent}%`}; latest pain {figures.latestPain === null ? "not recorded" : `${figures.latestPain}/10`}
      </li>
      <li>{describeOutcomeChange("PEG", figures.peg)}</li>
      <li>{describeOutcomeChange("Oswestry", figures.odi, "%")}</li>
    </ul>
  );
}
