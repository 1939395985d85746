import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/ui/query-error';
import { StatusMessage } from '@/components/ui/status-message';
import { formatMobile } from '@/lib/format';
import { usePersonas } from '../api/list-personas';
import { useSignIn } from '../api/sign-in';

/** Demo sign-in: one button per persona, no password, with the email and mobile the demo writes to. */
export function PersonaPicker({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation('home');
  const personas = usePersonas();
  const signIn = useSignIn();
  if (personas.isPending) return <PersonaPlaceholders label={t('loading')} />;
  if (personas.isError)
    return <QueryError message={t('errors.generic')} retryLabel={t('retry')} onRetry={() => personas.refetch()} />;
  return (
    <>
      <ul className="persona-list">
        {personas.data.map((persona) => (
          <li key={persona.id}>
            <button
              type="button"
              className="button button--secondary"
              disabled={signIn.isPending}
              onClick={() => signIn.mutate(persona.id, { onSuccess: onSignedIn })}
            >
              <span>{t('signInPage.as', { name: persona.name })}</span>
              <small>{t(`personas.${persona.description}`)}</small>
              <small className="persona-list__contact">{persona.email}</small>
              <small className="persona-list__contact">{formatMobile(persona.mobile)}</small>
            </button>
          </li>
        ))}
      </ul>
      <StatusMessage tone="error">{signIn.isError && t('signInPage.failed')}</StatusMessage>
    </>
  );
}

/** Four cards the size of the persona buttons, so nothing below moves when the list arrives. */
function PersonaPlaceholders({ label }: { label: string }) {
  return (
    <div role="status" aria-live="polite">
      <span className="visually-hidden">{label}</span>
      <ul className="persona-list" aria-hidden="true">
        {[0, 1, 2, 3].map((card) => (
          <li key={card} className="persona-list__placeholder">
            <div className="skeleton__line" />
            <div className="skeleton__line" />
            <div className="skeleton__line" />
          </li>
        ))}
      </ul>
    </div>
  );
}
