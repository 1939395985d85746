import { useTranslation } from 'react-i18next';
import { PageHeading } from '@/components/ui/page-heading';
import { usePrerendering } from '@/lib/prerendering';
import { EmailLinkForm } from '@/features/unsubscribe/components/email-link-form';
import { OpenChoices } from '@/features/unsubscribe/components/open-choices';
import { useLinkToken } from '@/features/unsubscribe/use-link-token';

/** /email-me-a-link asks for an address; the emailed link comes back here with ?t=… to open the choices. */
export function Component() {
  const { t } = useTranslation('unsubscribe');
  const token = useLinkToken();
  // The build wrote the form; with a link's token the choices open once the browser has taken over.
  const prerendering = usePrerendering();
  if (token && !prerendering) return <OpenChoices token={token} />;
  return (
    <div className="unsubscribe">
      <PageHeading title={t('emailLink.title')}>{t('emailLink.title')}</PageHeading>
      <p className="lead">{t('emailLink.intro')}</p>
      <EmailLinkForm />
    </div>
  );
}
