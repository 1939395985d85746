import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '@/components/ui/query-error';
import { Skeleton } from '@/components/ui/skeleton';
import { pagesFor } from '@/config/page-access';
import { useAccount } from '../api/get-account';

/** The signed-in home: who this is, the account's lines, and where to go next. */
export function AccountOverview({ accountId }: { accountId: string }) {
  const { t } = useTranslation(['home', 'signed-in']);
  const account = useAccount(accountId);
  if (account.isPending) return <Skeleton label={t('loading')} lines={6} fill />;
  if (account.isError)
    return <QueryError message={t('errors.generic')} retryLabel={t('retry')} onRetry={() => account.refetch()} />;
  const { data } = account;
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
        {pagesFor(data)
          .filter(({ key }) => key !== 'home')
          .map(({ key, to }) => (
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
