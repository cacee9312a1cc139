/** A table's header row in the house style; an empty label is read out as `hidden` (for action columns). */
export function TableHead({ columns }: { columns: (string | { label: string; hidden?: boolean })[] }) {
  const cells = columns.map((column) => (typeof column === "string" ? { label: column, hidden: false } : column));
  return (
    <thead className="border-b border-line bg-canvas text-xs uppercase tracking-wide text-muted">
      <tr>
        {cells.map((cell) => (
          <th key={cell.label} scope="col" className="px-4 py-2">
            {cell.hidden ? <span className="sr-only">{cell.label}</span> : cell.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
