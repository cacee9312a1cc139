import type { Assessment } from "./assessment-schema";
import type { TbcSubgroup } from "./vocabulary";

// Treatment-based classification (Alrwaily 2016, after Delitto and Fritz): which exercise approach a PT program
// should lead with. Directional preference from repeated-movement testing is the strongest sign; without it, the
// aggravating movements point the way. Null when nothing recorded points anywhere.
export function classifyTbc(pain: Assessment["pain"], radicular: boolean): TbcSubgroup | null {
  const worse = pain.aggravatedBy;
  switch (pain.directionalPreference) {
    case "extension":
      return "specific-exercise-extension";
    case "flexion":
      return "specific-exercise-flexion";
    case "lateral-shift":
      return "lateral-shift";
    default:
      break;
  }
  if (radicular) return "traction";
  // Acute pain that stays above the knee, without a directional preference, fits the manipulation subgroup.
  if (pain.durationWeeks < 16 / 7 && pain.distribution !== "below-knee") return "manipulation";
  const flexionIntolerant = worse.includes("flexion");
  const extensionIntolerant = worse.includes("extension") || worse.includes("standing") || worse.includes("walking");
  if (extensionIntolerant && !flexionIntolerant) return "specific-exercise-flexion";
  if (worse.includes("sitting") || worse.includes("lifting")) return "stabilization";
  if (flexionIntolerant) return "specific-exercise-extension";
  return null;
}
