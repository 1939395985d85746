import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '@/components/ui/query-error';
import { Skeleton } from '@/components/ui/skeleton';
import { paths } from '@/config/paths';
import { useAccount } from '../api/get-account';

const cards = [
  ['preferences', paths.preferences(), 'view'],
  ['contactHistory', paths.contactHistory(), 'view'],
  ['contentFilter', paths.contentFilter(), 'any'],
  ['delegates', paths.delegates(), 'holder'],
  ['account', paths.account(), 'any'],
] as const;

/** The signed-in home: who this is, the account's lines, and where to go next. */
export function AccountOverview({ accountId }: { accountId: string }) {
  const { t } = useTranslation(['home', 'signed-in']);
  const account = useAccount(accountId);
  if (account.isPending) return <Skeleton label={t('loading')} lines={6} />;
  if (account.isError)
    return <QueryError message={t('errors.generic')} retryLabel={t('retry')} onRetry={() => account.refetch()} />;
  const { data } = account;
  const canSee = (need: string) =>
    need === 'any' || data.role === 'holder' || (need === 'view' && data.role === 'delegate' && data.scopes.length > 0);
  return (
    <>
      <p className="lead">{t('home.intro', { account: data.name })}</p>
      <dl className="summary card">
        <dt>{t('home.yourRole')}</dt>
        <dd>{t(`signed-in:roles.${data.role}`, { name: data.holderName })}</dd>
        <dt>{t('home.linesTitle')}</dt>
        <dd>
          <ul className="plain-list">
            {data.lines.map((line) => (
              <li key={line.id}>
                {line.label}: {line.number} · {line.userName}
              </li>
            ))}
          </ul>
        </dd>
      </dl>
      <div className="card-grid">
        {cards
          .filter(([, , need]) => canSee(need))
          .map(([key, to]) => (
            <div className="card" key={key}>
              <h2 className="flush-top">
                <Link to={to}>{t(`signed-in:nav.${key}`)}</Link>
              </h2>
              <p>{t(`home.cards.${key}`)}</p>
            </div>
          ))}
      </div>
      <p className="muted">{t('home.serviceNote')}</p>
    </>
  );
}
