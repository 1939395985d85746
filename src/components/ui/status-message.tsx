import { Children, type ReactNode } from 'react';

type Tone = 'success' | 'error' | 'info';

/**
 * A message announced to screen readers. The live region stays mounted (empty when there is
 * nothing to say) so later text is announced; errors use role="alert".
 */
export function StatusMessage({ tone = 'info', children, id }: { tone?: Tone; children?: ReactNode; id?: string }) {
  const hasContent = Children.toArray(children).some((child) => child !== '');
  return (
    <div
      id={id}
      role={tone === 'error' ? 'alert' : 'status'}
      className={hasContent ? `status status--${tone}` : 'status-empty'}
    >
      {children}
    </div>
  );
}
