import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '@/components/ui/page-heading';
import { QueryError } from '@/components/ui/query-error';
import { Skeleton } from '@/components/ui/skeleton';
import { StatusMessage } from '@/components/ui/status-message';
import { paths } from '@/config/paths';
import { isProblem } from '@/lib/api-client';
import { usePrerendering } from '@/lib/prerendering';
import type { Schema } from '@/lib/api-types';
import type { useDescribeLink } from '../api/describe-link';
import { useOptOut } from '../api/opt-out';
import { useUndoOptOut } from '../api/undo-opt-out';
import { isLinkProblem } from '../use-link-token';
import { BadLink } from './bad-link';
import { ReasonQuestion } from './reason-question';
import { UndoButton } from './undo-button';
import '../unsubscribe.css';

type Undo = { id: string; until: string } | null;
type Stage =
  { step: 'ready' } | { step: 'done'; undo: Undo } | { step: 'all'; undo: Undo; before: { step: 'done'; undo: Undo } };
type Message = 'done' | 'doneAlready' | 'doneAll' | 'undone' | 'undoneAll' | 'undoTooLate' | null;

const linkBroken = (error: unknown) =>
  isProblem(error) && isLinkProblem(error.status) && Boolean(error.code?.startsWith('token-'));

/** What the page shows after a press that changed something, for the opt-out named by `change`. */
export type AfterOptOut = (change: string) => ReactNode;

/**
 * The landing page of an email's unsubscribe link: one line, one button, then undo and more.
 * `link` is the describe query, started by the route before this page's words have loaded.
 * `afterOptOut` is composed in by the route (which systems have confirmed the opt-out).
 */
export function UnsubscribePage({
  token,
  link,
  afterOptOut,
}: {
  token: string | null;
  link: ReturnType<typeof useDescribeLink>;
  afterOptOut?: AfterOptOut;
}) {
  const { t } = useTranslation('unsubscribe');
  // Built ahead there is no token: the page shows what it shows while the link loads.
  const loading = (
    <div className="unsubscribe">
      {/* A plain h1 (not PageHeading): the loaded page's heading stays the visit's first, so it takes no focus. */}
      <h1 tabIndex={-1} className="page-heading">
        {t('title')}
      </h1>
      {/* In the page's HTML too: what one press does, before anything else has loaded. */}
      <p className="lead">{t('lead')}</p>
      <Skeleton label={t('loading')} lines={3} />
    </div>
  );
  const prerendering = usePrerendering();
  if (prerendering) return loading;
  if (!token) return <BadLink reason="missing" />;
  if (link.isPending) return loading;
  if (link.isError) {
    if (isProblem(link.error) && isLinkProblem(link.error.status)) return <BadLink reason="invalid" />;
    return <QueryError message={t('failed')} retryLabel={t('common:retry')} onRetry={() => link.refetch()} />;
  }
  return <OptOut token={token} link={link.data} afterOptOut={afterOptOut} />;
}

function OptOut({
  token,
  link,
  afterOptOut,
}: {
  token: string;
  link: Schema<'UnsubscribeLink'>;
  afterOptOut?: AfterOptOut | undefined;
}) {
  const { t } = useTranslation('unsubscribe');
  const [stage, setStage] = useState<Stage>({ step: 'ready' });
  const [message, setMessage] = useState<Message>(null);
  const [broken, setBroken] = useState(false);
  const messageRef = useRef<HTMLDivElement>(null);
  const optOut = useOptOut(token);
  const undo = useUndoOptOut(token);
  const busy = optOut.isPending || undo.isPending;
  const what = t('what', { topic: t(`topics.${link.topic ?? 'all'}`), channel: t(`channels.${link.channel}`) });

  const show = (next: Stage, text: Message) => {
    setStage(next);
    setMessage(text);
    // The pressed button is gone: keep keyboard and screen-reader users at the news.
    requestAnimationFrame(() => messageRef.current?.focus());
  };
  const onError = (error: unknown) => {
    if (linkBroken(error)) setBroken(true);
  };

  const stop = () =>
    optOut.mutate('link', {
      onSuccess: (result) => show({ step: 'done', undo: result.undo }, result.changed ? 'done' : 'doneAlready'),
      onError,
    });
  const stopAll = (before: { step: 'done'; undo: Undo }) =>
    optOut.mutate('all-marketing', {
      onSuccess: (result) => show({ step: 'all', undo: result.undo, before }, 'doneAll'),
      onError,
    });
  const undoLast = (current: Exclude<Stage, { step: 'ready' }>) => {
    if (!current.undo) return;
    undo.mutate(current.undo.id, {
      onSuccess: () => (current.step === 'all' ? show(current.before, 'undoneAll') : show({ step: 'ready' }, 'undone')),
      onError: (error) => {
        if (isProblem(error, 409)) show({ ...current, undo: null }, 'undoTooLate');
        else onError(error);
      },
    });
  };

  if (broken) return <BadLink reason="invalid" />;
  const heading = t(stage.step === 'ready' ? 'title' : stage.step === 'done' ? 'doneTitle' : 'allDoneTitle');
  return (
    <div className="unsubscribe">
      <PageHeading title={heading}>{heading}</PageHeading>
      {stage.step === 'ready' && <p className="lead">{t('lead')}</p>}
      <div ref={messageRef} tabIndex={-1} className="unsubscribe__message">
        <StatusMessage tone={message === 'undoTooLate' ? 'info' : 'success'}>
          {message && t(message, { what })}
        </StatusMessage>
        <StatusMessage tone="error">{(optOut.isError || undo.isError) && !broken && t('failed')}</StatusMessage>
      </div>

      {stage.step === 'ready' ? (
        <>
          <p className="flush-top">{t('youWillStop')}</p>
          <p className="unsubscribe__stops">
            {t('stops', {
              topic: t(`topics.${link.topic ?? 'all'}`),
              channel: t(`channels.${link.channel}`),
              address: link.maskedAddress,
            })}
          </p>
          <button type="button" className="button unsubscribe__main" disabled={busy} onClick={stop}>
            {optOut.isPending ? t('stopping') : t('stopButton')}
          </button>
        </>
      ) : (
        <>
          {stage.undo && (
            <UndoButton key={stage.undo.id} until={stage.undo.until} busy={busy} onUndo={() => undoLast(stage)} />
          )}
          {stage.undo && afterOptOut?.(stage.undo.id)}
          {stage.step === 'done' && (
            <section aria-labelledby="stop-all-title" className="unsubscribe__section">
              <h2 id="stop-all-title">{t('allTitle')}</h2>
              <p>{t('allIntro')}</p>
              <button type="button" className="button button--secondary" disabled={busy} onClick={() => stopAll(stage)}>
                {t('allButton')}
              </button>
            </section>
          )}
          <ReasonQuestion token={token} />
          <section aria-labelledby="more-title" className="unsubscribe__section">
            <h2 id="more-title">{t('moreTitle')}</h2>
            <p>{t('moreIntro')}</p>
            <p>
              <Link to={paths.signIn(paths.preferences())}>{t('moreLink')}</Link>
            </p>
          </section>
        </>
      )}
      <p className="muted unsubscribe__service">{t('serviceNote')}</p>
    </div>
  );
}
