import { Badge } from "@/components/ui/badge";
import { meetsTarget } from "@/lib/measures/target";

/** A measure's rate against the organization's target: a ceiling where lower is better, a floor where higher is. */
export function TargetNote({ rate, target, better }: { rate: number | null; target: number | null; better: "lower" | "higher" }) {
  if (target === null) return null;
  const bound = `Target ${better === "lower" ? "≤" : "≥"} ${target}%`;
  const met = meetsTarget(rate, target, better);
  if (met === null) return <span className="text-sm text-muted">{bound}</span>;
  return (
    <span className="text-sm">
      {bound}: <Badge tone={met ? "ok" : "warning"}>{met ? "met" : "not met"}</Badge>
    </span>
  );
}
