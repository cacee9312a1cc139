import type { ChartPoint } from "@/lib/patients/patient-chart";

const WIDTH = 320;
const HEIGHT = 120;
const PAD = 24;

type Props = { title: string; points: ChartPoint[]; max: number; unit?: string; references?: readonly number[] };

/**
 * A small SVG line chart: each value written beside its point, the latest value in the caption, dashed reference
 * lines (say 50 and 90 MME), gaps where a value was not recorded, and the numbers in words for screen readers.
 */
export function LineChart({ title, points, max, unit = "", references = [] }: Props) {
  const known = points.filter((p): p is { date: string; value: number } => p.value !== null);
  const latest = known.at(-1);
  if (!latest) {
    return (
      <figure className="rounded-lg border border-line bg-white p-3">
        <figcaption className="mb-1 text-sm font-semibold">{title}</figcaption>
        <p className="py-8 text-center text-sm text-muted">No data yet</p>
      </figure>
    );
  }
  const top = Math.max(max, ...references, ...known.map((p) => p.value));
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
  const lines = references.length ? `; reference lines at ${references.join(" and ")}` : "";
  const summary = `${title}: ${known.map((p) => `${p.date} ${p.value}${unit}`).join(", ")}${lines}`;
  return (
    <figure className="rounded-lg border border-line bg-white p-3">
      <figcaption className="mb-1 flex items-baseline justify-between text-sm">
        <span className="font-semibold">{title}</span>
        <span>
          Latest <span className="font-semibold">{`${latest.value}${unit}`}</span> <span className="text-xs text-muted">({latest.date})</span>
        </span>
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary} className="h-auto w-full">
        <line x1={PAD} y1={HEIGHT - PAD} x2={WIDTH - PAD} y2={HEIGHT - PAD} stroke="#d9e0e7" />
        {references.map((value) => (
          <g key={value}>
            <line x1={PAD} y1={y(value)} x2={WIDTH - PAD} y2={y(value)} stroke="#b45309" strokeDasharray="4 3" />
            <text x={WIDTH - PAD + 2} y={y(value) + 3} fontSize="9" fill="#b45309">
              {value}
            </text>
          </g>
        ))}
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
          point.value === null ? null : (
            <g key={point.date + index}>
              <circle cx={x(index)} cy={y(point.value)} r="3" fill="#1f5f8b" />
              <text x={x(index)} y={y(point.value) - 6} fontSize="9" fill="#1f2933" textAnchor="middle">
                {point.value}
              </text>
            </g>
          ),
        )}
        <text x={PAD} y={HEIGHT - 6} fontSize="9" fill="#5a6675">
          {points[0]?.date}
        </text>
        <text x={WIDTH - PAD} y={HEIGHT - 6} fontSize="9" fill="#5a6675" textAnchor="end">
          {points.at(-1)?.date}
        </text>
      </svg>
    </figure>
  );
}
