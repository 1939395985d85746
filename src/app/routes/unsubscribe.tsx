import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Skeleton } from '@/components/ui/skeleton';
import { useDescribeLink } from '@/features/unsubscribe/api/describe-link';
import { UnsubscribePage } from '@/features/unsubscribe/components/unsubscribe-page';
import { useLinkToken } from '@/features/unsubscribe/use-link-token';

// Loaded only after a press, so the page's first load stays within its budget.
const LinkConfirmations = lazy(() =>
  import('@/features/propagation/components/link-confirmations').then((m) => ({ default: m.LinkConfirmations })),
);

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
      <UnsubscribePage
        token={token}
        link={link}
        afterOptOut={(change) =>
          token && (
            <Suspense fallback={null}>
              <LinkConfirmations token={token} change={change} />
            </Suspense>
          )
        }
      />
    </Suspense>
  );
}
