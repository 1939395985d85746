import { useCallback, useEffect, useId, useRef, useState } from 'react';

export type SummaryError = { fieldId: string; message: string };

/** What the summary shows, and which submit it belongs to. Made by `useErrorSummary`. */
export type SummaryState = { errors: readonly SummaryError[]; submit: number };

/**
 * The one way a form drives its error summary (GOV.UK Design System): call `show` once per
 * submit with that submit's errors (an empty list hides the summary). The summary takes focus
 * once per submit that has errors, never while the person types. `initial` errors (for example
 * from a bookmarked address) are shown and focused when the form first appears.
 */
export function useErrorSummary(initial: readonly SummaryError[] = []) {
  const [summary, setSummary] = useState<SummaryState>({ errors: initial, submit: 0 });
  const show = useCallback(
    (errors: readonly SummaryError[]) => setSummary((previous) => ({ errors, submit: previous.submit + 1 })),
    [],
  );
  return { summary, show };
}

/** GOV.UK-style error summary: takes focus once per submit and links to each field with a problem. */
export function ErrorSummary({ title, summary }: { title: string; summary: SummaryState }) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  // `summary` is a new object only when a submit shows errors, so this runs once per submit.
  useEffect(() => {
    if (summary.errors.length) ref.current?.focus();
  }, [summary]);
  if (!summary.errors.length) return null;
  return (
    <div ref={ref} className="error-summary" role="alert" tabIndex={-1} aria-labelledby={titleId}>
      <h2 id={titleId} className="error-summary__title">
        {title}
      </h2>
      <ul>
        {summary.errors.map((error) => (
          <li key={error.fieldId}>
            <a
              href={`#${error.fieldId}`}
              onClick={(event) => {
                event.preventDefault();
                document.getElementById(error.fieldId)?.focus();
              }}
            >
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
