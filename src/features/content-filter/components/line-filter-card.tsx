import { useTranslation } from 'react-i18next';
import { Switch } from '@/components/ui/switch';
import { formatDate, formatDateTime } from '@/lib/format';
import type { LineFilter } from '../api/get-content-filter';

/** Why the filter is in its state, in one neutral sentence. */
function ReasonText({ line, ownLine }: { line: LineFilter; ownLine: boolean }) {
  const { t, i18n } = useTranslation('content-filter');
  const last = line.history[0];
  if (last && line.reason !== 'default' && line.reason !== 'under-18') {
    return (
      <>
        {t(last.on ? 'lines.reason.changedOn' : 'lines.reason.changedOff', {
          name: last.by.name,
          date: formatDate(i18n.language, last.at),
        })}
      </>
    );
  }
  if (line.reason === 'under-18')
    return <>{ownLine ? t('lines.reason.under-18-you') : t('lines.reason.under-18', { name: line.userName })}</>;
  return <>{t('lines.reason.default')}</>;
}

function WhoText({ line }: { line: LineFilter }) {
  const { t } = useTranslation('content-filter');
  if (line.controllerIsYou) return <>{line.childLine ? t('lines.who.youChild') : t('lines.who.you')}</>;
  return <>{t(line.childLine ? 'lines.who.holderChild' : 'lines.who.adult', { name: line.controllerName })}</>;
}

function History({ line }: { line: LineFilter }) {
  const { t, i18n } = useTranslation('content-filter');
  return (
    <details className="cf-history">
      <summary>{t('lines.history', { count: line.history.length })}</summary>
      {line.history.length === 0 ? (
        <p className="muted">{t('lines.historyEmpty')}</p>
      ) : (
        <ul className="plain-list">
          {line.history.map((change) => (
            <li key={change.id}>
              {t(change.on ? 'lines.historyOn' : 'lines.historyOff', {
                date: formatDateTime(i18n.language, change.at),
                name: change.by.name,
              })}
              {change.by.type === 'delegate' && ` ${t('lines.delegateSuffix')}`}
              {change.ageCheckMethod &&
                ` ${t('lines.historyAgeCheck', { method: t(`verify.methodUsed.${change.ageCheckMethod}`) })}`}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}

/** Which method showed the age of the adult who decides this line, and when. */
function AgeCheckText({ line }: { line: LineFilter }) {
  const { t, i18n } = useTranslation('content-filter');
  if (!line.ageCheck) return null;
  const words = {
    method: t(`verify.methodUsed.${line.ageCheck.method}`),
    date: formatDate(i18n.language, line.ageCheck.verifiedAt),
    name: line.controllerName,
  };
  return <p className="muted">{t(line.controllerIsYou ? 'lines.ageCheck.you' : 'lines.ageCheck.other', words)}</p>;
}

/** One line: its filter state, why, who decides, and the control (or what to do instead). */
export function LineFilterCard({
  line,
  holderName,
  ownLine,
  checking,
  busy,
  onChange,
}: {
  line: LineFilter;
  holderName: string;
  /** The viewer is this line's user (a line user sees only their own lines). */
  ownLine: boolean;
  /** The viewer's ID document is being checked. */
  checking: boolean;
  busy: boolean;
  onChange: (on: boolean) => void;
}) {
  const { t } = useTranslation('content-filter');
  const headingId = `cf-line-${line.lineId}`;
  return (
    <li className="card cf-line">
      <div className="cf-line__top">
        <h3 id={headingId} className="flush-top cf-line__title">
          {t('lines.heading', { label: line.label, number: line.number })}
        </h3>
        <span className="badge">{line.on ? t('lines.on') : t('lines.off')}</span>
      </div>
      <p className="muted cf-line__user">{t('lines.user', { name: line.userName })}</p>
      <p>
        <ReasonText line={line} ownLine={ownLine} /> <WhoText line={line} />
      </p>
      <AgeCheckText line={line} />
      {line.youCan === 'change' && (
        <Switch
          id={`cf-switch-${line.lineId}`}
          label={t('lines.switchLabel', { label: line.label, number: line.number })}
          hint={t('lines.switchHint')}
          checked={line.on}
          busy={busy}
          onChange={onChange}
        />
      )}
      {line.youCan === 'verify-first' && (
        <p>
          {checking ? (
            t('lines.checking')
          ) : (
            <>
              {t('lines.verifyFirst')} <a href="#age-check">{t('lines.verifyLink')}</a>
            </>
          )}
        </p>
      )}
      {line.youCan === 'ask' && line.askReason && (
        <p className="cf-ask">{t(`lines.ask.${line.askReason}`, { name: line.controllerName, holder: holderName })}</p>
      )}
      <History line={line} />
    </li>
  );
}
