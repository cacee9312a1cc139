"use client";

import type { ReactNode } from "react";

// Small controlled inputs for the visit form: native controls, so the whole form works from the keyboard.

const INPUT = "mt-1 block w-full rounded border border-line bg-white px-2 py-1 text-sm";

type NumberFieldProps = { label: string; value: number | undefined; onChange: (v: number | undefined) => void; min?: number; max?: number; step?: number; id: string; error?: string };

export function NumberField({ label, value, onChange, min, max, step = 1, id, error }: NumberFieldProps) {
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-medium">
        {label}
      </label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        className={INPUT}
        value={value ?? ""}
        min={min}
        max={max}
        step={step}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value === "" ? undefined : Number(e.target.value))}
      />
      <FieldError id={id} error={error} />
    </div>
  );
}

export function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="mt-1 text-xs text-critical">
      {error}
    </p>
  );
}

type SelectProps<T extends string> = { label: string; value: T | undefined; options: readonly T[]; onChange: (v: T | undefined) => void; id: string; blank?: string; labels?: Readonly<Record<T, string>> };

export function SelectControl<T extends string>({ label, value, options, onChange, id, blank, labels }: SelectProps<T>) {
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-medium">
        {label}
      </label>
      <select id={id} className={INPUT} value={value ?? ""} onChange={(e) => onChange((e.target.value || undefined) as T | undefined)}>
        {blank !== undefined && <option value="">{blank}</option>}
        {options.map((option) => (
          <option key={option} value={option}>
            {labels ? labels[option] : option.replace(/-/g, " ")}
          </option>
        ))}
      </select>
    </div>
  );
}

export function CheckControl({ label, checked, onChange }: { label: ReactNode; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} className="h-4 w-4" />
      {label}
    </label>
  );
}

export function CodeChecklist<T extends string>({ legend, codes, selected, onChange }: { legend: string; codes: readonly T[]; selected: readonly T[]; onChange: (v: T[]) => void }) {
  return (
    <fieldset>
      <legend className="mb-1 text-xs font-medium">{legend}</legend>
      <div className="grid grid-cols-2 gap-x-4 gap-y-1">
        {codes.map((code) => (
          <CheckControl
            key={code}
            label={code.replace(/-/g, " ")}
            checked={selected.includes(code)}
            onChange={(on) => onChange(on ? [...selected, code] : selected.filter((c) => c !== code))}
          />
        ))}
      </div>
    </fieldset>
  );
}

export function FormSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="rounded-lg border border-line bg-white p-4">
      <legend className="px-1 text-sm font-semibold">{title}</legend>
      <div className="space-y-3">{children}</div>
    </fieldset>
  );
}
