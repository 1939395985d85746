import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Field } from '@/components/ui/field';
import { StatusMessage } from '@/components/ui/status-message';
import { useRunTestCampaign, type TestCampaignResult } from '../api/run-test-campaign';

const reasons = ['paused', 'child-line', 'sender-off', 'channel-off', 'quiet-hours', 'cap-reached', 'needs'] as const;

/** Demo: send pretend marketing through the send check and see what it refuses. */
export function TestCampaign({ accountId, historyHref }: { accountId: string; historyHref: string }) {
  const { t } = useTranslation('preferences');
  const run = useRunTestCampaign(accountId);
  const [sendAt, setSendAt] = useState('');
  return (
    <section className="card prefs-campaign" aria-labelledby="prefs-campaign-title">
      <h2 id="prefs-campaign-title" className="flush-top">
        {t('campaign.title')}
      </h2>
      <p>{t('campaign.intro')}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          run.mutate(sendAt || undefined);
        }}
      >
        <Field id="campaign-send-at" label={t('campaign.sendAt')} hint={t('campaign.sendAtHint')}>
          {(props) => <input {...props} type="time" value={sendAt} onChange={(e) => setSendAt(e.target.value)} />}
        </Field>
        <button type="submit" className="button button--secondary" disabled={run.isPending}>
          {run.isPending ? t('campaign.running') : t('campaign.run')}
        </button>
      </form>
      <StatusMessage tone="success">{run.data && t('campaign.result', summaryCounts(run.data))}</StatusMessage>
      <StatusMessage tone="error">{run.isError && t('campaign.failed')}</StatusMessage>
      {run.data && <CampaignResult result={run.data} historyHref={historyHref} />}
    </section>
  );
}

const summaryCounts = (result: TestCampaignResult) => ({
  total: result.sent + result.refused,
  sent: result.sent,
  refused: result.refused,
});

function CampaignResult({ result, historyHref }: { result: TestCampaignResult; historyHref: string }) {
  const { t } = useTranslation('preferences');
  const shown = reasons.filter((reason) => result.refusedBy[reason] > 0);
  return (
    <>
      {shown.length > 0 && (
        <>
          <h3>{t('campaign.reasonsTitle')}</h3>
          <ul>
            {shown.map((reason) => (
              <li key={reason}>{t(`campaign.reason.${reason}`, { count: result.refusedBy[reason] })}</li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('campaign.messagesTitle')}</h3>
      <ul className="plain-list prefs-campaign__list">
        {result.messages.map((message) => (
          <li key={message.id}>
            <span className={message.allowed ? 'badge badge--success' : 'badge badge--error'}>
              {message.allowed ? t('campaign.sent') : t('campaign.refused')}
            </span>{' '}
            {t('campaign.messageMeta', {
              sender: message.senderName,
              channel: t(`channels.${message.channel}`),
              topic: t(`topics.${message.topic}.inSentence`),
            })}
            {!message.allowed && (
              <span className="prefs-campaign__why muted">{t(`campaign.because.${message.reason}`)}</span>
            )}
          </li>
        ))}
      </ul>
      <p>
        <Link to={historyHref}>{t('campaign.history')}</Link>
      </p>
    </>
  );
}
