import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

const CONTROL = "mt-1 block w-full rounded-md border border-line bg-white px-3 py-2 text-sm aria-[invalid=true]:border-critical";

type Common = { label: string; name: string; error?: string; hint?: string };

/** A control's label above it, and its hint and error below, tied to it by id so screen readers read all three. */
function Labelled({ id, label, error, hint, children }: { id: string; label: string; error?: string; hint?: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children}
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

const describedBy = (id: string, error?: string, hint?: string) => [error && `${id}-error`, hint && `${id}-hint`].filter(Boolean).join(" ") || undefined;

/** A labelled input whose error is announced and tied to it, so screen readers read both. */
export function TextField({ label, name, error, hint, id = name, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Labelled id={id} label={label} error={error} hint={hint}>
      <input id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} className={CONTROL} {...input} />
    </Labelled>
  );
}

export function SelectField({ label, name, error, options, id = name, ...select }: Common & SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[] }) {
  return (
    <Labelled id={id} label={label} error={error}>
      <select id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error)} className={CONTROL} {...select}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Labelled>
  );
}

/** A labelled text area whose error is announced and tied to it. */
export function TextAreaField({ label, name, error, hint, id = name, ...area }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Labelled id={id} label={label} error={error} hint={hint}>
      <textarea id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} className={CONTROL} {...area} />
    </Labelled>
  );
}
