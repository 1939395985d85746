import type { ReactNode } from 'react';

/** A failed load: a plain message and a retry button. */
export function QueryError({
  message,
  retryLabel,
  onRetry,
}: {
  message: ReactNode;
  retryLabel: string;
  onRetry: () => void;
}) {
  return (
    <div className="status status--error" role="alert">
      <p>{message}</p>
      <button type="button" className="button button--secondary" onClick={onRetry}>
        {retryLabel}
      </button>
    </div>
  );
}
