// The questionnaires' items and answer choices as the clinician asks them. PHQ-2 and GAD-2 are the published
// public-domain wording; PEG (Krebs 2009) items 2 and 3 as published (item 1, average pain, is the pain score the
// form already asks); the Oswestry Disability Index's ten sections with each answer in brief.

export const PEG_INTERFERENCE = [
  "In the past week, how much has pain interfered with your enjoyment of life? (0 not at all, 10 completely)",
  "In the past week, how much has pain interfered with your general activity? (0 not at all, 10 completely)",
] as const;

export const TWO_WEEK_FREQUENCY = { "0": "Not at all", "1": "Several days", "2": "More than half the days", "3": "Nearly every day" } as const;

export const PHQ2_ITEMS = ["Little interest or pleasure in doing things", "Feeling down, depressed, or hopeless"] as const;
export const GAD2_ITEMS = ["Feeling nervous, anxious, or on edge", "Not being able to stop or control worrying"] as const;

/** Each section's title and its six answers, scored 0 to 5 in order. */
export const OSWESTRY_SECTIONS: readonly { title: string; answers: readonly [string, string, string, string, string, string] }[] = [
  { title: "Pain intensity", answers: ["No pain at the moment", "Very mild pain", "Moderate pain", "Fairly severe pain", "Very severe pain", "Worst imaginable pain"] },
  { title: "Personal care (washing, dressing)", answers: ["Normal, no extra pain", "Normal, but very painful", "Painful: slow and careful", "Needs some help, manages most", "Needs help every day with most", "Does not get dressed; stays in bed"] },
  { title: "Lifting", answers: ["Heavy weights, no extra pain", "Heavy weights, extra pain", "Heavy weights only from a table", "Light to medium weights only from a table", "Only very light weights", "Cannot lift or carry anything"] },
  { title: "Walking", answers: ["Pain does not limit walking", "Limited to about 1 mile", "Limited to about half a mile", "Limited to about 100 yards", "Only with a stick or crutches", "In bed most of the time"] },
  { title: "Sitting", answers: ["Any chair, as long as liked", "Favourite chair only, as long as liked", "Not more than 1 hour", "Not more than 30 minutes", "Not more than 10 minutes", "Cannot sit at all"] },
  { title: "Standing", answers: ["As long as liked, no extra pain", "As long as liked, extra pain", "Not more than 1 hour", "Not more than 30 minutes", "Not more than 10 minutes", "Cannot stand at all"] },
  { title: "Sleeping", answers: ["Never disturbed by pain", "Occasionally disturbed", "Less than 6 hours", "Less than 4 hours", "Less than 2 hours", "Cannot sleep at all"] },
  { title: "Sex life (if applicable)", answers: ["Normal, no extra pain", "Normal, some extra pain", "Nearly normal, very painful", "Severely restricted", "Nearly absent", "Prevented by pain"] },
  { title: "Social life", answers: ["Normal, no extra pain", "Normal, more pain", "Limits energetic interests only", "Restricted; goes out less", "Restricted to home", "No social life"] },
  { title: "Travelling", answers: ["Anywhere, no pain", "Anywhere, extra pain", "Bad, but journeys over 2 hours", "Journeys under 1 hour only", "Short necessary journeys under 30 minutes", "Only to receive treatment"] },
];
