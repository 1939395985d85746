import { useTranslation } from 'react-i18next';
import { StatusMessage } from '@/components/ui/status-message';
import { useExportContacts } from '../api/export-contacts';
import type { ContactFilters } from '@/shared/contact-history/rules';

/** The history (with the current filters) as a CSV file. */
export function DownloadButton({ accountId, filters }: { accountId: string; filters: ContactFilters }) {
  const { t } = useTranslation('contact-history');
  const download = useExportContacts(accountId);
  return (
    <div className="history-download">
      <button
        type="button"
        className="button button--secondary"
        onClick={() => download.mutate(filters)}
        disabled={download.isPending}
      >
        {t('download.button')}
      </button>
      <StatusMessage tone={download.isError ? 'error' : 'info'}>
        {download.isError
          ? t('download.failed')
          : download.isPending
            ? t('download.preparing')
            : download.isSuccess
              ? t('download.done')
              : null}
      </StatusMessage>
    </div>
  );
}
