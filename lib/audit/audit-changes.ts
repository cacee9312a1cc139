// What an edit changed, as flat audit detail: `field.before` and `field.after` for each field whose value differs.

type Value = string | number | boolean | null;

export function auditChanges(before: Readonly<Record<string, Value>>, after: Readonly<Record<string, Value>>): Record<string, Value> {
  const detail: Record<string, Value> = {};
  for (const [field, value] of Object.entries(after)) {
    if (before[field] === value) continue;
    detail[`${field}.before`] = before[field] ?? null;
    detail[`${field}.after`] = value;
  }
  return detail;
}
