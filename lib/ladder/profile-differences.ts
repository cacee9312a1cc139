import { cite, type ProfileDifference } from "./recommendation";
import type { Draft } from "./rule";

// Where ACP/CDC (us) and NICE (uk) disagree, both positions and both sources, shown whichever profile is used.
export const PROFILE_DIFFERENCES: ProfileDifference[] = [
  {
    therapy: "acupuncture",
    us: "ACP 2017 lists acupuncture among non-drug options for chronic low back pain.",
    uk: "NICE NG59: do not offer acupuncture for low back pain.",
    evidence: [cite("acp-2017", "Acupuncture is a recommended non-drug option (moderate-quality evidence)."), cite("nice-ng59", "Do not offer acupuncture for managing low back pain.")],
  },
  {
    therapy: "duloxetine",
    us: "ACP 2017: duloxetine is second line after NSAIDs.",
    uk: "NICE NG59: do not offer SNRIs (such as duloxetine) for low back pain.",
    evidence: [cite("acp-2017", "Duloxetine or tramadol as second-line therapy."), cite("nice-ng59", "Do not offer SNRIs for managing low back pain.")],
  },
  {
    therapy: "opioid",
    us: "ACP 2017 and CDC 2022: consider opioids only after non-drug care and other medicines fail, weighing benefit and risk.",
    uk: "NICE NG59: do not offer opioids for chronic low back pain or chronic sciatica.",
    evidence: [cite("cdc-2022", "Non-opioid therapies are preferred for subacute and chronic pain."), cite("nice-ng59", "Do not offer opioids for managing chronic low back pain.")],
  },
  {
    therapy: "epidural-steroid-injection",
    us: "APS 2009: discuss epidural steroids for persistent radiculopathy from a herniated disc.",
    uk: "NICE NG59: consider epidurals only for acute and severe sciatica; no spinal injections for back pain.",
    evidence: [
      cite("chou-2009-aps-interventional", "Discuss epidural steroid injection for persistent radiculopathy (weak recommendation)."),
      cite("nice-ng59", "Consider epidural injections in people with acute and severe sciatica."),
    ],
  },
  {
    therapy: "spinal-manipulation",
    us: "ACP 2017: spinal manipulation is a recommended non-drug option for acute and for chronic low back pain.",
    uk: "NICE NG59: manual therapy only within a package that includes exercise.",
    evidence: [
      cite("acp-2017", "Recommendations 1 and 2: spinal manipulation is among the recommended non-drug treatments for acute and chronic low back pain (low-quality evidence)."),
      cite("nice-ng59", "Consider manual therapy only as part of a treatment package including exercise."),
    ],
  },
  {
    therapy: "massage",
    us: "ACP 2017: massage is a recommended non-drug option for acute and subacute low back pain.",
    uk: "NICE NG59: soft tissue techniques such as massage only within a package that includes exercise.",
    evidence: [
      cite("acp-2017", "Recommendation 1: superficial heat, massage, acupuncture or spinal manipulation for acute or subacute low back pain."),
      cite("nice-ng59", "Consider manual therapy, including soft tissue techniques such as massage, only as part of a treatment package including exercise."),
    ],
  },
  {
    therapy: "radiofrequency-denervation",
    us: "APS 2009 found the evidence insufficient to recommend facet radiofrequency denervation.",
    uk: "NICE NG59: consider radiofrequency denervation after a positive medial branch block for moderate or severe localized pain.",
    evidence: [
      cite("chou-2009-aps-interventional", "Insufficient evidence to recommend radiofrequency denervation for non-radicular low back pain."),
      cite("nice-ng59", "Consider radiofrequency denervation after a positive diagnostic medial branch block."),
    ],
  },
];

/** The differences about therapies this evaluation suggests or lists to avoid. */
export function differencesFor(draft: Draft): ProfileDifference[] {
  return PROFILE_DIFFERENCES.filter((difference) => draft.suggests(difference.therapy) || draft.avoids(difference.therapy));
}
