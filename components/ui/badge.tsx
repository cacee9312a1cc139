import type { ReactNode } from "react";

type Tone = "neutral" | "info" | "ok" | "warning" | "critical";

const TONES: Record<Tone, string> = {
  neutral: "bg-slate-100 text-slate-800",
  info: "bg-sky-100 text-sky-900",
  ok: "bg-green-100 text-green-900",
  warning: "bg-amber-100 text-amber-900",
  critical: "bg-red-100 text-red-900",
};

export function Badge({ tone = "neutral", children }: { tone?: Tone; children: ReactNode }) {
  return <span className={`inline-flex items-center rounded px-2 py-0.5 text-xs font-medium ${TONES[tone]}`}>{children}</span>;
}
