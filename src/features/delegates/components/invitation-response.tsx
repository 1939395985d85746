import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/ui/query-error';
import { Skeleton } from '@/components/ui/skeleton';
import { StatusMessage } from '@/components/ui/status-message';
import { isProblem } from '@/lib/api-client';
import type { Schema } from '@/lib/api-types';
import { formatDate } from '@/lib/format';
import { useAcceptInvitation } from '../api/accept-invitation';
import { useDeclineInvitation } from '../api/decline-invitation';
import { useInvitation } from '../api/get-invitation';
import { ScopeList } from './scope-list';
import '../delegates.css';

type Invitation = Schema<'Invitation'>;

/** A link that cannot be used: say plainly why and what to do instead. */
export function InvitationProblem({
  reason,
}: {
  reason: 'invalid' | Exclude<Invitation['state'], 'open'> | 'not-for-you';
}) {
  const { t } = useTranslation('delegates');
  return (
    <div className="stack">
      <h2 className="flush-top">{t(`invitation.states.${reason}.title`)}</h2>
      <p>{t(`invitation.states.${reason}.body`)}</p>
    </div>
  );
}

/**
 * The invited person, signed in, sees who asks them to help with what, and accepts or
 * declines. Used, expired, withdrawn and tampered links each get a plain explanation.
 */
export function InvitationResponse({
  token,
  personName,
  onAccepted,
  accountLinks,
}: {
  token: string;
  personName: string;
  onAccepted: (invitation: Invitation) => void;
  accountLinks: React.ReactNode;
}) {
  const { t, i18n } = useTranslation('delegates');
  const invitation = useInvitation(token);
  const accept = useAcceptInvitation(token);
  const decline = useDeclineInvitation(token);

  if (invitation.isPending) return <Skeleton label={t('invitation.loading')} lines={4} />;
  if (invitation.isError) {
    if (isProblem(invitation.error, 404)) return <InvitationProblem reason="invalid" />;
    return (
      <QueryError message={t('invitation.loadFailed')} retryLabel={t('retry')} onRetry={() => invitation.refetch()} />
    );
  }
  const data = invitation.data;
  if (data.state === 'accepted' && accept.isSuccess) {
    return (
      <div className="stack">
        <StatusMessage tone="success">{t('invitation.acceptedNow', { name: data.holderName })}</StatusMessage>
        <p>{t('invitation.acceptedNext', { name: data.holderName })}</p>
        {accountLinks}
      </div>
    );
  }
  if (data.state === 'declined' && decline.isSuccess) {
    return <StatusMessage tone="success">{t('invitation.declinedNow', { name: data.holderName })}</StatusMessage>;
  }
  if (data.state !== 'open') return <InvitationProblem reason={data.state} />;
  if (!data.forYou) {
    return (
      <div className="stack">
        <InvitationProblem reason="not-for-you" />
        <p className="muted">{t('invitation.signedInAs', { name: personName })}</p>
      </div>
    );
  }
  const failure = accept.error ?? decline.error;
  return (
    <div className="stack">
      <p className="lead">{t('invitation.from', { name: data.holderName, account: data.accountName })}</p>
      <section className="card" aria-labelledby="invitation-can-do">
        <h2 id="invitation-can-do" className="flush-top">
          {t('invitation.canDo')}
        </h2>
        <ScopeList scopes={data.scopes} />
        <p>
          {data.until
            ? t('invitation.until', { date: formatDate(i18n.language, data.until) })
            : t('invitation.untilWithdrawn', { name: data.holderName })}
        </p>
      </section>
      <p>{t('invitation.record', { name: data.holderName })}</p>
      <div className="button-row">
        <button
          type="button"
          className="button"
          disabled={accept.isPending || decline.isPending}
          onClick={() => accept.mutate(undefined, { onSuccess: onAccepted })}
        >
          {t('invitation.accept')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={accept.isPending || decline.isPending}
          onClick={() => decline.mutate()}
        >
          {t('invitation.decline')}
        </button>
      </div>
      <p className="muted">{t('invitation.expires', { date: formatDate(i18n.language, data.expiresAt) })}</p>
      <StatusMessage tone="error">
        {failure && (isProblem(failure, 409) ? t('invitation.changed') : t('invitation.failed'))}
      </StatusMessage>
    </div>
  );
}
