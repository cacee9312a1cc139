// npm run bench:engine — assessments per second on one thread over 10,000 varied generated assessments, for
// schema validation alone and for the full path (validation + evaluation), and the ratio of the two.
import { assessmentSchema } from "../lib/ladder/assessment-schema";
import { recommend } from "../lib/ladder/evaluate";
import { generateAssessments } from "../tests/support/assessment-generator";

const COUNT = 10_000;
const ROUNDS = 9;
const inputs = generateAssessments(COUNT);

function perSecond(label: string, run: (input: unknown) => unknown): number {
  for (const input of inputs.slice(0, 1000)) run(input); // warm up the JIT
  // CPU time of this thread, best of several rounds: the figure least disturbed by other work on a shared machine.
  const rates: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const started = process.cpuUsage();
    for (const input of inputs) run(input);
    const used = process.cpuUsage(started);
    rates.push(COUNT / ((used.user + used.system) / 1e6));
  }
  const best = Math.max(...rates);
  const median = rates.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)] as number;
  console.log(
    `${label.padEnd(34)} ${Math.round(best).toLocaleString("en-US").padStart(9)} assessments/s best, ${Math.round(median).toLocaleString("en-US")} median (${ROUNDS} rounds of ${COUNT.toLocaleString("en-US")}, CPU time)`,
  );
  return best;
}

const validation = perSecond("schema validation alone", (input) => assessmentSchema.safeParse(input));
const full = perSecond("full evaluation (validate + rules)", (input) => recommend(input));
const suspended = inputs.filter((input) => {
  const result = recommend(input);
  return result.ok && result.recommendation.ladder.suspended;
}).length;
console.log(`cost of a full evaluation over validation alone: ${(validation / full).toFixed(2)}x`);
console.log(`mix: ${suspended} of ${COUNT} suspended by red flags; node ${process.version}`);
