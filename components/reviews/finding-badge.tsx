import { Badge } from "@/components/ui/badge";
import { CASE_FINDINGS, type CaseFindingCode } from "@/lib/measures/case-findings";

const TONE = { appropriate: "ok", needs_follow_up: "warning", documentation_gap: "info", not_appropriate: "critical" } as const;

export function FindingBadge({ finding }: { finding: CaseFindingCode }) {
  return <Badge tone={TONE[finding]}>{CASE_FINDINGS[finding]}</Badge>;
}
