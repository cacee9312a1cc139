// The printable home exercise program: the five parts of every program, led by the classification's approach.

const LEAD: Record<string, string> = {
  "specific-exercise-extension": "Repeated back bends: lying on your front, press up on your hands, 10 times, every 2-3 hours.",
  "specific-exercise-flexion": "Knees to chest: lying on your back, hug both knees gently, 10 times, twice a day.",
  "lateral-shift": "Side-glide correction against a wall as shown, then back bends, 10 times, every 2-3 hours.",
  traction: "Nerve glides for the leg as shown, 10 slow repetitions, twice a day, easing off if tingling increases.",
  stabilization: "Core bracing: tighten your stomach gently while breathing normally, hold 10 seconds, 10 times, three times a day.",
  manipulation: "Gentle back rotations lying on your back, knees together, side to side, 10 times, twice a day.",
};

export type HomeProgram = { lead: string | null; parts: { name: string; what: string }[]; dose: string };

export function buildHomeProgram(tbcSubgroup: string | null): HomeProgram {
  return {
    lead: tbcSubgroup ? (LEAD[tbcSubgroup] ?? null) : null,
    parts: [
      { name: "Posture retraining", what: "Sit and stand tall; change position every 30 minutes." },
      { name: "Core strengthening", what: "Bridges and bird-dogs, 2 sets of 10, once a day." },
      { name: "Flexibility", what: "Hamstring and hip stretches, hold 30 seconds, 3 times each side." },
      { name: "Aerobic conditioning", what: "Brisk walking, building from 10 to 30 minutes a day." },
      { name: "Pain-tolerance building", what: "Do a little more each week, staying just below the point where pain flares; breathe slowly through discomfort." },
    ],
    dose: "Aim for 20-30 minutes a day, every day, for 8-12 weeks. On busy days even 10 minutes counts: fit the exercises into breaks and take a short walk.",
  };
}
