import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { PageHeading } from '@/components/ui/page-heading';
import { Skeleton } from '@/components/ui/skeleton';
import { usePrerendering } from '@/lib/prerendering';
import { paths } from '@/config/paths';
import { setActiveAccountId, useToken } from '@/lib/session';
import { useMe } from '@/features/account/api/get-me';
import { InvitationProblem, InvitationResponse } from '@/features/delegates/components/invitation-response';

export function Component() {
  const { t } = useTranslation('delegates');
  const [params] = useSearchParams();
  const location = useLocation();
  const signedIn = Boolean(useToken());
  const me = useMe();
  const token = params.get('t')?.trim() ?? '';
  const wellFormed = /^[A-Za-z0-9-]{8,200}$/.test(token);
  // Built ahead, neither the invitation's token nor who is signed in is known yet.
  const prerendering = usePrerendering();
  return (
    <div>
      <PageHeading title={t('invitation.title')}>{t('invitation.title')}</PageHeading>
      {prerendering ? (
        <Skeleton label={t('common:pageLoading')} lines={3} />
      ) : !wellFormed ? (
        <InvitationProblem reason="invalid" />
      ) : !signedIn ? (
        <div className="stack">
          <p className="lead">{t('invitation.signInFirst')}</p>
          <p>
            <Link className="button" to={paths.signIn(location.pathname + location.search)}>
              {t('invitation.signIn')}
            </Link>
          </p>
        </div>
      ) : (
        <InvitationResponse
          token={token}
          personName={me.data?.name ?? ''}
          onAccepted={(invitation) => setActiveAccountId(invitation.accountId)}
          accountLinks={
            <p>
              <Link className="button" to={paths.home()}>
                {t('invitation.start')}
              </Link>
            </p>
          }
        />
      )}
    </div>
  );
}
