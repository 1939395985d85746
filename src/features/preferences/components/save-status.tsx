import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StatusMessage } from '@/components/ui/status-message';
import type { Preset } from '../api/apply-preset';
import type { Preferences } from '../api/get-preferences';
import { describeChange, summarise } from '../describe';
import { activePreset } from '@/shared/preferences/rules';
import type { ChangeRecord } from './save-change';

export type Status =
  | { kind: 'saved'; changes: ChangeRecord[] }
  | { kind: 'preset'; preset: Preset; changes: ChangeRecord[] }
  | { kind: 'failed'; description: string; network: boolean; retry: () => void }
  | { kind: 'conflict' }
  | { kind: 'forbidden' }
  | { kind: 'invalid' };

/** What a quick choice did, in one sentence: "email only" that left nothing on says so. */
function presetHeadline(preset: Preset, prefs: Preferences, name: string, t: TFunction<'preferences'>) {
  if (preset === 'let-me-choose') return t('presets.restored');
  if (preset === 'email-only' && activePreset(prefs) === 'no-marketing') return t('presets.emailOnlyLeftNothing');
  return t('presets.applied', { preset: name });
}

/**
 * The receipt after each change, kept in view at the bottom of the screen. Two live
 * regions stay mounted: successes are polite, failures are alerts.
 */
export function SaveStatus({
  status,
  prefs,
  holderName,
  recordHref,
  onHide,
}: {
  status: Status | null;
  prefs: Preferences;
  holderName: string;
  recordHref: string;
  onHide: () => void;
}) {
  const { t, i18n } = useTranslation('preferences');
  const describe = (changes: ChangeRecord[]) => changes.map((c) => describeChange(c.path, c.to, t, i18n.language));
  const inForce = (
    <p>
      <strong>{t('status.nowInForce')}</strong> {summarise(prefs, t, i18n.language).join(' ')}{' '}
      <Link to={recordHref}>{t('glance.record')}</Link>
    </p>
  );

  let success = null;
  if (status?.kind === 'saved') {
    success = (
      <>
        <p>
          {status.changes.length
            ? t('status.saved', { changes: describe(status.changes).join('; ') })
            : t('status.nothingChanged')}
        </p>
        {inForce}
      </>
    );
  } else if (status?.kind === 'preset') {
    const name = t(`presets.${status.preset}.label`);
    success = status.changes.length ? (
      <>
        <p>{presetHeadline(status.preset, prefs, name, t)}</p>
        <p className="prefs-status__changed">{t('presets.changedTitle')}</p>
        <ul className="prefs-status__list">
          {describe(status.changes).map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
        {inForce}
      </>
    ) : (
      <p>
        {status.preset === 'let-me-choose' && activePreset(prefs) !== 'let-me-choose'
          ? t('presets.nothingToRestore')
          : t('presets.unchanged', { preset: name })}
      </p>
    );
  }

  let failure = null;
  if (status?.kind === 'failed') {
    failure = (
      <>
        <p>{status.network ? t('status.network') : t('status.failed', { change: status.description })}</p>
        <button type="button" className="button button--secondary" onClick={status.retry}>
          {t('retry', { ns: 'common' })}
        </button>
      </>
    );
  } else if (status?.kind === 'conflict') failure = <p>{t('status.conflict')}</p>;
  else if (status?.kind === 'forbidden') failure = <p>{t('status.forbidden', { holder: holderName })}</p>;
  else if (status?.kind === 'invalid') failure = <p>{t('status.invalid')}</p>;

  const hide = (
    <button type="button" className="button button--link prefs-status__hide" onClick={onHide}>
      {t('status.hide')}
    </button>
  );
  return (
    <div className="prefs-status">
      <StatusMessage tone="success">
        {success}
        {success && hide}
      </StatusMessage>
      <StatusMessage tone="error">{failure}</StatusMessage>
    </div>
  );
}
