import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { undoMinutesFrom } from '@/shared/unsubscribe/undo-window';

/** Undo, offered only while the server still accepts it from this link. */
export function UndoButton({ until, busy, onUndo }: { until: string; busy: boolean; onUndo: () => void }) {
  const { t } = useTranslation('unsubscribe');
  const [open, setOpen] = useState(() => Date.parse(until) > Date.now());
  useEffect(() => {
    const left = Date.parse(until) - Date.now();
    if (left <= 0) return setOpen(false);
    const timer = setTimeout(() => setOpen(false), Math.min(left, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [until]);
  if (!open) return null;
  return (
    <div className="unsubscribe__undo">
      <button
        type="button"
        className="button button--secondary"
        disabled={busy}
        onClick={onUndo}
        aria-describedby="undo-hint"
      >
        {t('undo')}
      </button>
      <p id="undo-hint" className="muted">
        {t('undoHint', { minutes: undoMinutesFrom(until) })}
      </p>
    </div>
  );
}
