import type { TbcSubgroup } from "@/lib/ladder/vocabulary";

// The clinic's home exercise library: each exercise with plain instructions, a default dose, and the treatment-based
// classification subgroups it leads for (Alrwaily 2016); the rest of a program (core, flexibility, aerobic, posture)
// suits every subgroup. A therapist chooses a patient's exercises from here and may change each dose.

export type Dose = { sets: number; reps: number; timesPerDay: number; holdSeconds?: number };

export type Exercise = {
  id: string;
  name: string;
  part: "Key exercise" | "Core strengthening" | "Flexibility" | "Aerobic conditioning" | "Posture";
  /** The subgroups this exercise leads for; empty when it suits everyone. */
  leadsFor: readonly TbcSubgroup[];
  steps: readonly string[];
  dose: Dose;
  caution?: string;
};

export const EXERCISES: readonly Exercise[] = [
  {
    id: "prone-press-up",
    name: "Press-up lying on your front",
    part: "Key exercise",
    leadsFor: ["specific-exercise-extension", "lateral-shift"],
    steps: ["Lie face down, hands under your shoulders.", "Keep your hips on the floor and straighten your arms to lift your chest.", "Breathe out at the top, then lower slowly."],
    dose: { sets: 1, reps: 10, timesPerDay: 4 },
    caution: "Stop and tell your therapist if pain spreads further down your leg.",
  },
  {
    id: "knees-to-chest",
    name: "Knees to chest",
    part: "Key exercise",
    leadsFor: ["specific-exercise-flexion"],
    steps: ["Lie on your back with your knees bent.", "Bring both knees towards your chest and hug them gently.", "Hold, then lower one foot at a time."],
    dose: { sets: 1, reps: 10, timesPerDay: 2, holdSeconds: 5 },
  },
  {
    id: "side-glide",
    name: "Side glide at a wall",
    part: "Key exercise",
    leadsFor: ["lateral-shift"],
    steps: ["Stand side-on to a wall, elbow bent against it at shoulder height.", "Feet together, a step from the wall, push your hips slowly towards the wall.", "Hold, return, and follow with press-ups."],
    dose: { sets: 1, reps: 10, timesPerDay: 4 },
  },
  {
    id: "nerve-glide",
    name: "Sitting nerve glide",
    part: "Key exercise",
    leadsFor: ["traction"],
    steps: ["Sit tall on a chair.", "Straighten the knee of the painful leg while lifting your head to look up.", "Bend the knee as you look down; keep the movement smooth."],
    dose: { sets: 2, reps: 10, timesPerDay: 2 },
    caution: "Ease off if tingling increases and does not settle within a minute.",
  },
  {
    id: "back-rotation",
    name: "Back rotation lying down",
    part: "Key exercise",
    leadsFor: ["manipulation"],
    steps: ["Lie on your back, knees bent and together, feet flat.", "Let both knees fall gently to one side, keeping your shoulders down.", "Return to the middle and repeat to the other side."],
    dose: { sets: 1, reps: 10, timesPerDay: 2 },
  },
  {
    id: "abdominal-bracing",
    name: "Core bracing",
    part: "Key exercise",
    leadsFor: ["stabilization"],
    steps: ["Lie on your back, knees bent.", "Gently tighten your stomach muscles as if about to be poked, without holding your breath.", "Hold, breathing normally, then relax."],
    dose: { sets: 1, reps: 10, timesPerDay: 3, holdSeconds: 10 },
  },
  {
    id: "bridge",
    name: "Bridge",
    part: "Core strengthening",
    leadsFor: [],
    steps: ["Lie on your back, knees bent, feet hip-width apart.", "Brace your stomach, then lift your hips until your body is in a straight line.", "Hold, then lower slowly."],
    dose: { sets: 2, reps: 10, timesPerDay: 1, holdSeconds: 3 },
  },
  {
    id: "bird-dog",
    name: "Bird-dog",
    part: "Core strengthening",
    leadsFor: ["stabilization"],
    steps: ["Kneel on hands and knees, back flat.", "Reach one arm forward and the opposite leg back without letting your back sag.", "Hold, return, and switch sides."],
    dose: { sets: 2, reps: 10, timesPerDay: 1, holdSeconds: 3 },
  },
  {
    id: "hamstring-stretch",
    name: "Hamstring stretch",
    part: "Flexibility",
    leadsFor: [],
    steps: ["Lie on your back, one leg straight on the floor.", "Hold the back of the other thigh and straighten that knee until you feel a stretch.", "Hold, then switch legs."],
    dose: { sets: 3, reps: 1, timesPerDay: 1, holdSeconds: 30 },
  },
  {
    id: "cat-camel",
    name: "Cat and camel",
    part: "Flexibility",
    leadsFor: [],
    steps: ["Kneel on hands and knees.", "Slowly round your back up towards the ceiling, then let it dip gently.", "Move within comfort, breathing steadily."],
    dose: { sets: 1, reps: 10, timesPerDay: 2 },
  },
  {
    id: "walking",
    name: "Brisk walking",
    part: "Aerobic conditioning",
    leadsFor: [],
    steps: ["Walk at a pace that makes you breathe faster but still lets you talk.", "Start with 10 minutes and add a few minutes each week, up to 30 minutes."],
    dose: { sets: 1, reps: 1, timesPerDay: 1 },
  },
  {
    id: "sit-to-stand",
    name: "Posture: sit tall and stand up well",
    part: "Posture",
    leadsFor: [],
    steps: ["Sit tall with your feet flat and your back supported.", "To stand, shuffle forward, lean from the hips and push up through your legs.", "Change position at least every 30 minutes."],
    dose: { sets: 1, reps: 5, timesPerDay: 3 },
  },
];

export const EXERCISES_BY_ID: ReadonlyMap<string, Exercise> = new Map(EXERCISES.map((e) => [e.id, e]));

/** A patient's program: the chosen exercises with their dose. */
export type ProgramItem = { id: string } & Dose;

/** The program a subgroup starts from: its key exercises, then one of each other part. */
export function suggestedProgram(subgroup: string | null): ProgramItem[] {
  const lead = EXERCISES.filter((e) => e.part === "Key exercise" && subgroup !== null && (e.leadsFor as readonly string[]).includes(subgroup));
  const rest = ["bridge", "hamstring-stretch", "walking", "sit-to-stand"].map((id) => EXERCISES_BY_ID.get(id) as Exercise);
  return [...lead, ...rest].map((e) => ({ id: e.id, ...e.dose }));
}

/** A dose in words: "2 sets of 10, hold 3 seconds, once a day". */
export function describeDose(exercise: Exercise, dose: Dose): string {
  if (exercise.id === "walking") return `${dose.timesPerDay === 1 ? "once" : `${dose.timesPerDay} times`} a day, building to 30 minutes`;
  const amount = dose.reps === 1 ? `${dose.sets} time${dose.sets === 1 ? "" : "s"}` : dose.sets === 1 ? `${dose.reps} times` : `${dose.sets} sets of ${dose.reps}`;
  const hold = dose.holdSeconds ? `, hold ${dose.holdSeconds} seconds` : "";
  const often = dose.timesPerDay === 1 ? "once a day" : dose.timesPerDay === 2 ? "twice a day" : `${dose.timesPerDay} times a day`;
  return `${amount}${hold}, ${often}`;
}
