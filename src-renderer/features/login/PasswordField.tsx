import type { Ref } from 'react';

/** A labelled password field; `invalid` marks it after a refused password. */
export function PasswordField({
  label,
  name,
  value,
  onChange,
  invalid,
  autoFocus,
  inputRef,
}: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  invalid?: boolean;
  autoFocus?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}) {
  return (
    <label>
      {label}
      <input
        ref={inputRef}
        name={name}
        type="password"
        autoComplete="current-password"
        autoFocus={autoFocus}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={invalid ? true : undefined}
      />
    </label>
  );
}
