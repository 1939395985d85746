import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '@/components/ui/page-heading';
import type { ActiveAccount } from '../with-active-account';
import { AgeVerificationPanel } from '@/features/content-filter/components/age-verification-panel';
import { LineFilters } from '@/features/content-filter/components/line-filters';
import { SiteCheckForm } from '@/features/content-filter/components/site-check-form';
import { SiteReportForm } from '@/features/content-filter/components/site-report-form';
import { SiteReportList } from '@/features/content-filter/components/site-report-list';
import type { SiteReportInput } from '@/shared/content-filter/schemas';
import { WithActiveAccount } from '../with-active-account';

function ContentFilterPage({ account }: { account: ActiveAccount }) {
  const { t } = useTranslation('content-filter');
  const [prefill, setPrefill] = useState<SiteReportInput>();
  const reportHeading = useRef<HTMLHeadingElement>(null);
  const accountId = account.accountId;

  function startReport(url: string, kind: SiteReportInput['kind']) {
    setPrefill({ url, kind });
    reportHeading.current?.focus();
  }

  return (
    <>
      <section className="cf-section" aria-labelledby="cf-lines-title">
        <h2 id="cf-lines-title" tabIndex={-1}>
          {t('lines.title')}
        </h2>
        <LineFilters accountId={accountId} holderName={account.holderName} />
      </section>
      <section className="cf-section" aria-labelledby="age-check">
        <h2 id="age-check" tabIndex={-1}>
          {t('verify.title')}
        </h2>
        <AgeVerificationPanel accountId={accountId} holderName={account.holderName} />
      </section>
      <section className="cf-section" aria-labelledby="cf-check-title">
        <h2 id="cf-check-title">{t('check.title')}</h2>
        <p>{t('check.intro')}</p>
        <SiteCheckForm onReport={startReport} />
      </section>
      <section className="cf-section" aria-labelledby="cf-report-title">
        <h2 id="cf-report-title" ref={reportHeading} tabIndex={-1}>
          {t('report.title')}
        </h2>
        <p>{t('report.intro')}</p>
        <SiteReportForm accountId={accountId} prefill={prefill} />
        <h3 className="cf-reports-title">{t('report.listTitle')}</h3>
        <SiteReportList accountId={accountId} />
      </section>
    </>
  );
}

export function Component() {
  const { t } = useTranslation('content-filter');
  return (
    <div>
      <PageHeading title={t('title')}>{t('title')}</PageHeading>
      {/* The same for every account, so it is in the page's HTML: the first thing a phone paints. */}
      <p className="lead">{t('intro')}</p>
      <WithActiveAccount>{(account) => <ContentFilterPage account={account} />}</WithActiveAccount>
    </div>
  );
}
