import type { FieldIssue } from "@/lib/errors";

/** What was wrong with the page's query string, field by field. */
export function InputIssues({ issues }: { issues: FieldIssue[] }) {
  return (
    <div role="alert" className="mb-6 rounded-lg border border-critical bg-red-50 p-4 text-sm">
      <p className="font-semibold">These settings cannot be shown:</p>
      <ul className="mt-1 list-disc pl-5">
        {issues.map((issue) => (
          <li key={issue.path + issue.message}>
            {issue.path}: {issue.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
