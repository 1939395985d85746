import type { ReactNode } from 'react';

/**
 * An on/off choice as a native checkbox (role="switch"), so it works with keyboard,
 * screen readers and forms. On and off take exactly the same effort.
 */
export function Switch({
  id,
  label,
  hint,
  checked,
  onChange,
  disabled,
  busy,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  busy?: boolean;
}) {
  return (
    <div className="switch">
      <input
        id={id}
        type="checkbox"
        role="switch"
        className="switch__input"
        checked={checked}
        disabled={disabled}
        aria-busy={busy || undefined}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id} className="switch__label">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="switch__hint">
          {hint}
        </p>
      )}
    </div>
  );
}
