import type { ChartPoint } from "@/lib/patients/patient-chart";

const WIDTH = 320;
const HEIGHT = 120;
const PAD = 24;

/** A small SVG line chart with its numbers in a table for screen readers; gaps where a value was not recorded. */
export function LineChart({ title, points, max, unit = "" }: { title: string; points: ChartPoint[]; max: number; unit?: string }) {
  const known = points.filter((p): p is { date: string; value: number } => p.value !== null);
  const top = Math.max(max, ...known.map((p) => p.value));
  const x = (index: number) => PAD + (points.length <= 1 ? (WIDTH - 2 * PAD) / 2 : (index * (WIDTH - 2 * PAD)) / (points.length - 1));
  const y = (value: number) => HEIGHT - PAD - (value / (top || 1)) * (HEIGHT - 2 * PAD);
  const segments: string[] = [];
  let current = "";
  points.forEach((point, index) => {
    if (point.value === null) {
      if (current) segments.push(current);
      current = "";
      return;
    }
    current += `${current ? "L" : "M"}${x(index).toFixed(1)},${y(point.value).toFixed(1)}`;
  });
  if (current) segments.push(current);
  const summary = known.length ? `${title}: ${known.map((p) => `${p.date} ${p.value}${unit}`).join(", ")}` : `${title}: no values recorded`;
  return (
    <figure className="rounded-lg border border-line bg-white p-3">
      <figcaption className="mb-1 text-sm font-semibold">{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary} className="h-auto w-full">
        <line x1={PAD} y1={HEIGHT - PAD} x2={WIDTH - PAD} y2={HEIGHT - PAD} stroke="#d9e0e7" />
        <text x={4} y={PAD} fontSize="9" fill="#5a6675">
          {top}
        </text>
        <text x={4} y={HEIGHT - PAD} fontSize="9" fill="#5a6675">
          0
        </text>
        {segments.map((d) => (
          <path key={d} d={d} fill="none" stroke="#1f5f8b" strokeWidth="2" />
        ))}
        {points.map((point, index) =>
          point.value === null ? null : <circle key={point.date + index} cx={x(index)} cy={y(point.value)} r="3" fill="#1f5f8b" />,
        )}
        {points.length > 0 && (
          <>
            <text x={PAD} y={HEIGHT - 6} fontSize="9" fill="#5a6675">
              {points[0]?.date}
            </text>
            <text x={WIDTH - PAD} y={HEIGHT - 6} fontSize="9" fill="#5a6675" textAnchor="end">
              {points.at(-1)?.date}
            </text>
          </>
        )}
      </svg>
    </figure>
  );
}
