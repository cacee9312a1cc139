// npm run bench:engine — assessments per second on one thread over 10,000 varied generated assessments (contract 1.1:
// a quarter carry this visit's orders, about one in six with at least one), for schema validation alone and for the
// full path (validation + evaluation), and the cost of the one over the other.
//
// The two are measured in alternating rounds, so a neighbour's load on a shared machine falls on both alike; each
// figure is the best round (CPU time of the process: V8's garbage-collection helpers count too), and the ratio is also
// given as the median over paired rounds.
import { assessmentSchema } from "../lib/ladder/assessment-schema";
import { recommend } from "../lib/ladder/evaluate";
import { generateAssessments } from "../tests/support/assessment-generator";

const COUNT = 10_000;
const ROUNDS = 15;
const inputs = generateAssessments(COUNT);

const validateAll = () => {
  for (const input of inputs) assessmentSchema.safeParse(input);
};
const recommendAll = () => {
  for (const input of inputs) recommend(input);
};

/** Seconds of CPU time the process spent on one round. */
function cpuSeconds(run: () => void): number {
  const started = process.cpuUsage();
  run();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1e6;
}

for (let warmUp = 0; warmUp < 3; warmUp += 1) {
  validateAll();
  recommendAll();
}
const validation: number[] = [];
const full: number[] = [];
for (let round = 0; round < ROUNDS; round += 1) {
  validation.push(cpuSeconds(validateAll));
  full.push(cpuSeconds(recommendAll));
}

const perSecond = (seconds: number) => Math.round(COUNT / seconds).toLocaleString("en-US");
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const bestValidation = Math.min(...validation);
const bestFull = Math.min(...full);
const invalid = inputs.filter((input) => !recommend(input).ok).length;
const suspended = inputs.filter((input) => {
  const result = recommend(input);
  return result.ok && result.recommendation.ladder.suspended;
}).length;

console.log(`schema validation alone            ${perSecond(bestValidation).padStart(9)} assessments/s best, ${perSecond(median(validation))} median`);
console.log(`full evaluation (validate + rules) ${perSecond(bestFull).padStart(9)} assessments/s best, ${perSecond(median(full))} median`);
console.log(`cost of a full evaluation over validation alone: ${(bestFull / bestValidation).toFixed(2)}x (best rounds), ${median(full.map((f, i) => f / (validation[i] as number))).toFixed(2)}x (median of paired rounds)`);
console.log(`${ROUNDS} alternating rounds of ${COUNT.toLocaleString("en-US")}, CPU time; mix: ${suspended} suspended by red flags, ${inputs.filter((i) => i.orders?.length).length} with orders, ${invalid} invalid; node ${process.version}`);
