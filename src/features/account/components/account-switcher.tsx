import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isProblem } from '@/lib/api-client';
import { setActiveAccountId } from '@/lib/session';
import { useActiveAccount } from '../api/use-active-account';
import { accountKeys } from '../keys';

/**
 * A refused request (403) may mean the person's authority just ended or changed, so the
 * list of accounts they may act on is checked again. Deferred, so it never runs while
 * another component renders.
 */
function useRecheckAccessOnRefusal() {
  const queryClient = useQueryClient();
  useEffect(() => {
    const onEvent = (event: { type: string; action?: { type: string; error?: unknown } }) => {
      if (event.type === 'updated' && event.action?.type === 'error' && isProblem(event.action.error, 403)) {
        queueMicrotask(() => void queryClient.invalidateQueries({ queryKey: accountKeys.me() }));
      }
    };
    const stopQueries = queryClient.getQueryCache().subscribe(onEvent);
    const stopMutations = queryClient.getMutationCache().subscribe(onEvent);
    return () => {
      stopQueries();
      stopMutations();
    };
  }, [queryClient]);
}

/** The holder's name when the account this person was acting on has just gone from their list. */
function useLostAccess() {
  const { me, active, accounts } = useActiveAccount();
  const previous = useRef<{ personId: string; accountId: string; holderName: string } | null>(null);
  const [lost, setLost] = useState<string | null>(null);
  useEffect(() => {
    if (!me.data) return;
    const prev = previous.current;
    if (prev && prev.personId === me.data.id && !accounts.some((a) => a.accountId === prev.accountId))
      setLost(prev.holderName);
    if (prev && prev.personId !== me.data.id) setLost(null);
    previous.current =
      active?.role === 'delegate'
        ? { personId: me.data.id, accountId: active.accountId, holderName: active.holderName }
        : null;
  }, [me.data, active, accounts]);
  return [lost, () => setLost(null)] as const;
}

/**
 * Says plainly whose account a delegate is acting on, and lets anyone with more than
 * one account switch. Shown on every page. When authority ends, says so instead.
 */
export function AccountSwitcher() {
  // Not suspending: the banner sits outside the page's loading boundary; "account" loads in the background.
  const { t, ready } = useTranslation(['signed-in', 'account'], { useSuspense: false });
  const { active, accounts } = useActiveAccount();
  useRecheckAccessOnRefusal();
  const [lost, dismissLost] = useLostAccess();
  const showSwitcher = active && (accounts.length > 1 || active.role === 'delegate');
  if (!ready || (!showSwitcher && !lost)) return null;
  const own = accounts.find((a) => a.role === 'holder');
  return (
    <div className="acting-banner">
      <div className="acting-banner__inner" role="status">
        {lost && !(active?.role === 'delegate') && (
          <>
            <p className="flush-top">
              <strong>{t('account:lostAccess', { name: lost })}</strong>
            </p>
            <button type="button" className="button button--link" onClick={dismissLost}>
              {t('close')}
            </button>
          </>
        )}
        {active?.role === 'delegate' && (
          <p className="flush-top">
            <strong>{t('actingFor.banner', { name: active.holderName })}</strong>
          </p>
        )}
        {active?.role === 'delegate' && own && (
          <button type="button" className="button button--link" onClick={() => setActiveAccountId(own.accountId)}>
            {t('actingFor.switchBack')}
          </button>
        )}
        {active && accounts.length > 1 && (
          <label className="language-switch">
            {t('actingFor.switchLabel')}
            <select value={active.accountId} onChange={(event) => setActiveAccountId(event.target.value)}>
              {accounts.map((a) => (
                <option key={a.accountId} value={a.accountId}>
                  {a.accountName} ({t(`roles.${a.role}`, { name: a.holderName })})
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
    </div>
  );
}
