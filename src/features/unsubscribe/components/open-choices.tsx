import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeading } from '@/components/ui/page-heading';
import { StatusMessage } from '@/components/ui/status-message';
import { paths } from '@/config/paths';
import { isProblem } from '@/lib/api-client';
import { useSignInWithLink } from '../api/sign-in-with-link';
import { isLinkProblem } from '../use-link-token';
import { BadLink } from './bad-link';

/**
 * The emailed preferences link lands here. Opening it changes nothing (mail scanners open
 * links); one press signs in and opens the choices. The link works once.
 */
export function OpenChoices({ token }: { token: string }) {
  const { t } = useTranslation('unsubscribe');
  const navigate = useNavigate();
  const open = useSignInWithLink();
  if (isProblem(open.error) && isLinkProblem(open.error.status)) {
    return <BadLink reason={open.error.status === 410 ? 'expired' : 'invalid'} />;
  }
  return (
    <div className="unsubscribe">
      <PageHeading title={t('openChoices.title')}>{t('openChoices.title')}</PageHeading>
      <p className="lead">{t('openChoices.intro')}</p>
      <button
        type="button"
        className="button unsubscribe__main"
        disabled={open.isPending || open.isSuccess}
        onClick={() => open.mutate(token, { onSuccess: () => navigate(paths.preferences(), { replace: true }) })}
      >
        {open.isPending ? t('openChoices.opening') : t('openChoices.button')}
      </button>
      <StatusMessage tone="error">{open.isError && t('openChoices.failed')}</StatusMessage>
      <p className="muted unsubscribe__service">{t('serviceNote')}</p>
    </div>
  );
}
