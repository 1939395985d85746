import type { ReactNode } from 'react';

type Tone = 'success' | 'error' | 'info';

/**
 * A message announced to screen readers. The live region stays mounted so that
 * later text is announced; errors use role="alert".
 */
export function StatusMessage({ tone = 'info', children, id }: { tone?: Tone; children?: ReactNode; id?: string }) {
  return (
    <div
      id={id}
      role={tone === 'error' ? 'alert' : 'status'}
      className={children ? `status status--${tone}` : 'status-empty'}
    >
      {children}
    </div>
  );
}
