import { controlLimits, type MonthCounts } from "@/lib/measures/control-limits";

const WIDTH = 360;
const HEIGHT = 150;
const LEFT = 34;
const RIGHT = 10;
const TOP = 10;
const BOTTOM = 30;

const percent = (value: number) => `${Math.round(value * 1000) / 10}%`;

/**
 * A measure's monthly rate on a 0-100% axis, with the p-chart band each month's count allows: a month outside the
 * band is drawn in red, one inside it is ordinary variation. Every month with cases is a point that can be focused
 * (and hovered) to read its month, numerator, denominator and band; months without cases are gaps, not zeros.
 */
export function RateChart({ title, months }: { title: string; months: readonly MonthCounts[] }) {
  const { centre, months: points } = controlLimits(months);
  if (centre === null) {
    return (
      <figure className="rounded-lg border border-line bg-white p-3">
        <figcaption className="mb-1 text-sm font-semibold">{title}</figcaption>
        <p className="py-8 text-center text-sm text-muted">No cases in this period</p>
      </figure>
    );
  }
  const plotWidth = WIDTH - LEFT - RIGHT;
  const x = (index: number) => LEFT + (points.length <= 1 ? plotWidth / 2 : (index * plotWidth) / (points.length - 1));
  const y = (rate: number) => TOP + (1 - rate) * (HEIGHT - TOP - BOTTOM);
  const band = points.flatMap((p, i) => (p.upper === null ? [] : [{ i, upper: p.upper, lower: p.lower as number }]));
  const bandPath = band.length
    ? `M${band.map((b) => `${x(b.i).toFixed(1)},${y(b.upper).toFixed(1)}`).join("L")}L${[...band].reverse().map((b) => `${x(b.i).toFixed(1)},${y(b.lower).toFixed(1)}`).join("L")}Z`
    : "";
  const line = points
    .map((p, i) => (p.rate === null ? null : `${x(i).toFixed(1)},${y(p.rate).toFixed(1)}`))
    .reduce<string[]>((paths, point, i, all) => {
      if (point === null) return paths;
      if (i === 0 || all[i - 1] === null) paths.push(`M${point}`);
      else paths[paths.length - 1] += `L${point}`;
      return paths;
    }, []);
  const describe = (p: (typeof points)[number]) =>
    p.rate === null
      ? `${p.month}: no cases`
      : `${p.month}: ${p.numerator} of ${p.denominator}, ${percent(p.rate)}; expected ${percent(p.lower as number)} to ${percent(p.upper as number)}${p.outside ? ", outside the expected range" : ""}`;
  const everyOther = points.length > 12;
  return (
    <figure className="rounded-lg border border-line bg-white p-3">
      <figcaption className="mb-1 flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <span className="font-semibold">{title}</span>
        <span className="text-xs text-muted">Period rate {percent(centre)}; shaded: the range each month&apos;s count allows (p-chart, 3σ)</span>
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="group" aria-label={`${title}. Period rate ${percent(centre)}. Each month is a point you can focus.`} className="h-auto w-full">
        {[0, 0.5, 1].map((tick) => (
          <g key={tick}>
            <line x1={LEFT} y1={y(tick)} x2={WIDTH - RIGHT} y2={y(tick)} stroke="#d9e0e7" />
            <text x={LEFT - 4} y={y(tick) + 3} fontSize="9" fill="#5a6675" textAnchor="end">
              {tick * 100}%
            </text>
          </g>
        ))}
        {bandPath && <path d={bandPath} fill="#1f5f8b" fillOpacity="0.12" />}
        <line x1={LEFT} y1={y(centre)} x2={WIDTH - RIGHT} y2={y(centre)} stroke="#1f5f8b" strokeDasharray="4 3" strokeOpacity="0.6" />
        {line.map((d) => (
          <path key={d} d={d} fill="none" stroke="#1f5f8b" strokeWidth="2" />
        ))}
        {points.map((p, i) =>
          p.rate === null ? null : (
            <g key={p.month} tabIndex={0} role="img" aria-label={describe(p)}>
              <title>{describe(p)}</title>
              <circle cx={x(i)} cy={y(p.rate)} r="4" fill={p.outside ? "#b91c1c" : "#1f5f8b"} />
              <text x={x(i)} y={HEIGHT - BOTTOM + 12} fontSize="8" fill="#5a6675" textAnchor="middle">
                {p.numerator}/{p.denominator}
              </text>
            </g>
          ),
        )}
        {points.map((p, i) =>
          everyOther && i % 2 === 1 ? null : (
            <text key={`label-${p.month}`} x={x(i)} y={HEIGHT - 4} fontSize="8" fill="#5a6675" textAnchor="middle">
              {p.month.slice(2)}
            </text>
          ),
        )}
      </svg>
    </figure>
  );
}
