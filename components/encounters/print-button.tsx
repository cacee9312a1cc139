"use client";

export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} className="no-print rounded-md bg-brand px-4 py-2 text-sm font-medium text-white">
      Print or save as PDF
    </button>
  );
}
