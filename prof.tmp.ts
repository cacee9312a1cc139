import { assessmentSchema } from "./lib/ladder/assessment-schema";
import { evaluate } from "./lib/ladder/evaluate";
import { generateAssessments } from "./tests/support/assessment-generator";
const inputs = generateAssessments(10000).map((i) => assessmentSchema.parse(i));
for (let r = 0; r < 20; r++) for (const i of inputs) evaluate(i);
