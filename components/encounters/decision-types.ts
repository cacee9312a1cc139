import type { DecisionReason } from "@/lib/encounters/decision-reasons";

export type DecisionDraft = {
  target: "suggestion" | "alert" | "avoid";
  itemKey: string;
  response: "accepted" | "declined" | "acknowledged" | "overridden";
  reasonCode?: DecisionReason;
  comment?: string;
};

export const decisionKey = (target: DecisionDraft["target"], itemKey: string) => `${target}:${itemKey}`;
