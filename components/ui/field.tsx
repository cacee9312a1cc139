import type { InputHTMLAttributes, SelectHTMLAttributes } from "react";

const CONTROL = "mt-1 block w-full rounded-md border border-line bg-white px-3 py-2 text-sm aria-[invalid=true]:border-critical";

type Common = { label: string; name: string; error?: string; hint?: string };

/** A labelled input whose error is announced and tied to it, so screen readers read both. */
export function TextField({ label, name, error, hint, id = name, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const describedBy = [error && `${id}-error`, hint && `${id}-hint`].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className={CONTROL} {...input} />
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-critical">
          {error}
        </p>
      )}
    </div>
  );
}

export function SelectField({ label, name, error, options, id = name, ...select }: Common & SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[] }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} className={CONTROL} {...select}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-critical">
          {error}
        </p>
      )}
    </div>
  );
}
