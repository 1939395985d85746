import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schema } from '@/lib/api-types';
import { formatDate } from '@/lib/format';
import { useWithdrawDelegate } from '../api/withdraw-delegate';
import { ChangeDelegateForm } from './change-delegate-form';
import { ScopeList } from './scope-list';

type Delegate = Schema<'Delegate'>;
const badgeTone: Record<Delegate['status'], string> = {
  invited: 'badge badge--warn',
  active: 'badge badge--success',
  ended: 'badge',
  declined: 'badge',
};

/** One person the holder invited: status, what they may do, until when; change or withdraw. */
export function DelegateCard({
  accountId,
  delegate,
  onMessage,
}: {
  accountId: string;
  delegate: Delegate;
  onMessage: (text: string) => void;
}) {
  const { t, i18n } = useTranslation('delegates');
  const [changing, setChanging] = useState(false);
  const changeButton = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const withdraw = useWithdrawDelegate(accountId);
  const live = delegate.status === 'invited' || delegate.status === 'active';
  const date = (value: string) => formatDate(i18n.language, value);
  const headingId = `delegate-${delegate.id}-name`;

  return (
    <li className="card delegates-card" aria-labelledby={headingId}>
      <div className="delegates-card__head">
        <h3 id={headingId} ref={heading} tabIndex={-1} className="flush-top delegates-card__name">
          {delegate.name}
        </h3>
        <span className={badgeTone[delegate.status]}>{t(`status.${delegate.status}`)}</span>
      </div>
      <dl className="summary">
        <dt>{t('list.relationship')}</dt>
        <dd>{t(`relationship.${delegate.relationship}`)}</dd>
        <dt>{t('list.contact')}</dt>
        <dd>{delegate.contact}</dd>
        <dt>{t('list.canDo')}</dt>
        <dd>
          <ScopeList scopes={delegate.scopes} />
        </dd>
        <dt>{t('list.until')}</dt>
        <dd>{delegate.until ? date(delegate.until) : t('list.untilWithdrawn')}</dd>
        {delegate.status === 'invited' && (
          <>
            <dt>{t('list.invitation')}</dt>
            <dd>{t('list.invitationOpen', { date: date(delegate.invitationExpiresAt) })}</dd>
          </>
        )}
        {delegate.endReason && (
          <>
            <dt>{t('list.ended')}</dt>
            <dd>{t(`endReason.${delegate.endReason}`, { date: delegate.endedAt ? date(delegate.endedAt) : '' })}</dd>
          </>
        )}
      </dl>
      {live && !changing && (
        <div className="button-row">
          <button
            ref={changeButton}
            type="button"
            className="button button--secondary"
            onClick={() => setChanging(true)}
          >
            {t('list.change', { name: delegate.name })}
          </button>
          <button
            type="button"
            className="button button--secondary delegates-withdraw"
            disabled={withdraw.isPending}
            onClick={() =>
              withdraw.mutate(delegate.id, {
                onSuccess: () => {
                  onMessage(
                    t(delegate.status === 'invited' ? 'list.cancelled' : 'list.withdrawn', { name: delegate.name }),
                  );
                  // The buttons go away with the authority: keep keyboard focus on this person.
                  heading.current?.focus();
                },
                onError: () => onMessage(t('list.withdrawFailed')),
              })
            }
          >
            {t(delegate.status === 'invited' ? 'list.cancelInvitation' : 'list.withdraw', { name: delegate.name })}
          </button>
        </div>
      )}
      {live && changing && (
        <ChangeDelegateForm
          accountId={accountId}
          delegate={delegate}
          onDone={(changed) => {
            setChanging(false);
            if (changed) onMessage(t('list.changed', { name: delegate.name }));
            requestAnimationFrame(() => changeButton.current?.focus());
          }}
        />
      )}
    </li>
  );
}
