import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageHeading } from '@/components/ui/page-heading';
import { paths } from '@/config/paths';
import { usePersonas } from '@/features/account/api/list-personas';
import { InviteForm } from '@/features/delegates/components/invite-form';
import { WithActiveAccount } from '../with-active-account';

export function Component() {
  const { t } = useTranslation('delegates');
  const navigate = useNavigate();
  const personas = usePersonas();
  return (
    <div>
      <PageHeading title={t('form.title')}>{t('form.title')}</PageHeading>
      <WithActiveAccount>
        {(account, me) => (
          <>
            {account.role === 'holder' ? (
              <>
                <p className="lead">{t('form.intro')}</p>
                <InviteForm
                  accountId={account.accountId}
                  demoPeople={personas.data?.filter((person) => person.id !== me.id)}
                  onInvited={(name) => navigate(paths.delegates(), { state: { invited: name } })}
                />
              </>
            ) : (
              <p>{t('form.holderOnly', { name: account.holderName })}</p>
            )}
            <p>
              <Link to={paths.delegates()}>{t('form.back')}</Link>
            </p>
          </>
        )}
      </WithActiveAccount>
    </div>
  );
}
