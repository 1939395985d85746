import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/ui/query-error';
import { Skeleton } from '@/components/ui/skeleton';
import { siteReportStatuses } from '@/lib/api-types';
import { formatDateTime } from '@/lib/format';
import { useSiteReports, type SiteReport } from '../api/list-site-reports';

const steps = siteReportStatuses;
const badge = { received: 'badge', reviewing: 'badge badge--warn', decided: 'badge badge--success' } as const;

function ReportItem({ report }: { report: SiteReport }) {
  const { t, i18n } = useTranslation('content-filter');
  const reached = steps.indexOf(report.status);
  return (
    <li className="card cf-report">
      <div className="cf-line__top">
        <h4 className="flush-top cf-report__title">{t('report.reference', { reference: report.reference })}</h4>
        <span className={badge[report.status]}>{t(`report.status.${report.status}`)}</span>
      </div>
      <p>
        <span className="cf-report__host">{report.host}</span> · {t(`report.kinds.${report.kind}`)}
      </p>
      <ol className="cf-steps" aria-label={t('report.progress', { reference: report.reference })}>
        {steps.map((step, i) => (
          <li
            key={step}
            className={i <= reached ? 'cf-steps__step cf-steps__step--done' : 'cf-steps__step'}
            aria-current={i === reached ? 'step' : undefined}
          >
            {t(`report.status.${step}`)}
          </li>
        ))}
      </ol>
      <p>{report.outcome ? t(`report.outcome.${report.outcome}`) : t(`report.statusHelp.${report.status}`)}</p>
      <p className="muted">
        {t('report.sentOn', { date: formatDateTime(i18n.language, report.submittedAt) })}
        {report.status !== 'received' &&
          ` · ${t('report.updated', { date: formatDateTime(i18n.language, report.updatedAt) })}`}
      </p>
    </li>
  );
}

/** The person's reports and where each one has got to. Updates itself while any is open. */
export function SiteReportList({ accountId }: { accountId: string }) {
  const { t } = useTranslation('content-filter');
  const reports = useSiteReports(accountId);
  if (reports.isPending) return <Skeleton label={t('common:loading')} lines={2} />;
  if (reports.isError)
    return (
      <QueryError
        message={t('common:errors.generic')}
        retryLabel={t('common:retry')}
        onRetry={() => reports.refetch()}
      />
    );
  if (!reports.data.length) return <p className="muted">{t('report.listEmpty')}</p>;
  return (
    <ul className="plain-list cf-reports">
      {reports.data.map((report) => (
        <ReportItem key={report.id} report={report} />
      ))}
    </ul>
  );
}
