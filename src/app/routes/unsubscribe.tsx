import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Skeleton } from '@/components/ui/skeleton';
import { useDescribeLink } from '@/features/unsubscribe/api/describe-link';
import { UnsubscribePage } from '@/features/unsubscribe/components/unsubscribe-page';
import { useLinkToken } from '@/features/unsubscribe/use-link-token';

/**
 * /unsubscribe?t=… — no sign-in. The token leaves the address bar at once, and the
 * read-only "describe" call starts before the page's words have loaded.
 */
export function Component() {
  const { t } = useTranslation();
  const token = useLinkToken();
  const link = useDescribeLink(token);
  return (
    <Suspense fallback={<Skeleton label={t('loading')} lines={3} />}>
      <UnsubscribePage token={token} link={link} />
    </Suspense>
  );
}
