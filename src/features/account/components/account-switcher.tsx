import { useTranslation } from 'react-i18next';
import { setActiveAccountId } from '@/lib/session';
import { useActiveAccount } from '../api/use-active-account';

/**
 * Says plainly whose account a delegate is acting on, and lets anyone with more than
 * one account switch. Shown on every page.
 */
export function AccountSwitcher() {
  const { t } = useTranslation();
  const { active, accounts } = useActiveAccount();
  if (!active || (accounts.length < 2 && active.role !== 'delegate')) return null;
  const own = accounts.find((a) => a.role === 'holder');
  return (
    <div className="acting-banner">
      <div className="acting-banner__inner">
        {active.role === 'delegate' && (
          <p className="flush-top">
            <strong>{t('actingFor.banner', { name: active.holderName })}</strong>
          </p>
        )}
        {active.role === 'delegate' && own && (
          <button type="button" className="button button--link" onClick={() => setActiveAccountId(own.accountId)}>
            {t('actingFor.switchBack')}
          </button>
        )}
        {accounts.length > 1 && (
          <label className="language-switch">
            {t('actingFor.switchLabel')}
            <select value={active.accountId} onChange={(event) => setActiveAccountId(event.target.value)}>
              {accounts.map((a) => (
                <option key={a.accountId} value={a.accountId}>
                  {a.accountName} ({t(`home.role.${a.role}`, { name: a.holderName })})
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
    </div>
  );
}
