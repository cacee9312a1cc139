// Simple line drawings of the library's exercises, drawn for Backstep: a floor, a head and the limbs' lines, enough to
// show the position, and described in words for screen readers.

type Figure = { head: [number, number]; lines: [number, number, number, number][]; extra?: "wall" | "chair" | "arc" };

const FIGURES: Record<string, Figure> = {
  "prone-press-up": { head: [128, 40], lines: [[20, 78, 80, 78], [80, 78, 120, 50], [120, 50, 118, 78]] },
  "knees-to-chest": { head: [122, 70], lines: [[60, 76, 112, 76], [60, 76, 70, 50], [70, 50, 90, 48], [98, 76, 76, 52]] },
  "side-glide": { head: [76, 16], lines: [[76, 24, 70, 58], [70, 58, 82, 85], [70, 58, 92, 85], [74, 32, 46, 32]], extra: "wall" },
  "nerve-glide": { head: [64, 15], lines: [[60, 55, 60, 25], [60, 55, 95, 55], [95, 55, 130, 48], [60, 32, 82, 46]], extra: "chair" },
  "back-rotation": { head: [112, 70], lines: [[50, 76, 102, 76], [50, 76, 36, 58], [36, 58, 22, 72]] },
  "abdominal-bracing": { head: [116, 70], lines: [[50, 76, 106, 76], [50, 76, 38, 54], [38, 54, 30, 78], [80, 64, 80, 70]] },
  bridge: { head: [128, 72], lines: [[118, 78, 66, 56], [66, 56, 46, 48], [46, 48, 42, 78], [110, 78, 90, 78]] },
  "bird-dog": { head: [114, 46], lines: [[56, 55, 100, 55], [56, 55, 50, 80], [100, 55, 136, 50], [56, 55, 20, 52], [100, 55, 100, 80]] },
  "hamstring-stretch": { head: [132, 72], lines: [[70, 78, 122, 78], [70, 78, 25, 78], [70, 78, 56, 28], [112, 78, 60, 44]] },
  "cat-camel": { head: [112, 58], lines: [[50, 52, 50, 80], [100, 52, 100, 80]], extra: "arc" },
  walking: { head: [80, 13], lines: [[80, 21, 78, 55], [78, 55, 64, 85], [78, 55, 94, 85], [80, 30, 66, 48], [80, 30, 94, 46]] },
  "sit-to-stand": { head: [93, 20], lines: [[66, 56, 86, 28], [66, 56, 90, 60], [90, 60, 92, 85], [84, 34, 102, 50]], extra: "chair" },
};

export function ExerciseDrawing({ id, name }: { id: string; name: string }) {
  const figure = FIGURES[id];
  if (!figure) return null;
  return (
    <svg viewBox="0 0 160 90" role="img" aria-label={`Drawing: ${name}`} className="h-24 w-40 shrink-0 text-ink">
      <line x1="4" y1="86" x2="156" y2="86" stroke="#cbd5e1" strokeWidth="2" />
      {figure.extra === "wall" && <line x1="44" y1="4" x2="44" y2="86" stroke="#94a3b8" strokeWidth="4" />}
      {figure.extra === "chair" && <path d="M38 58 H72 M40 58 V86 M70 58 V86 M38 58 V30" stroke="#94a3b8" strokeWidth="3" fill="none" />}
      <g stroke="currentColor" strokeWidth="3.5" strokeLinecap="round" fill="none">
        <circle cx={figure.head[0]} cy={figure.head[1]} r="7" />
        {figure.extra === "arc" && <path d="M50 52 Q75 26 100 52" />}
        {figure.lines.map(([x1, y1, x2, y2]) => (
          <line key={`${x1}-${y1}-${x2}-${y2}`} x1={x1} y1={y1} x2={x2} y2={y2} />
        ))}
      </g>
    </svg>
  );
}
