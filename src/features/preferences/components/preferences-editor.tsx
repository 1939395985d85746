import { useReducer, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/ui/query-error';
import { Skeleton } from '@/components/ui/skeleton';
import { isProblem } from '@/lib/api-client';
import { useRevealed } from '@/lib/use-revealed';
import { useApplyPreset, type Preset } from '../api/apply-preset';
import { usePreferences, type Preferences } from '../api/get-preferences';
import { useUpdatePreferences } from '../api/update-preferences';
import { describeChange } from '../describe';
import { patchEntries } from '@/shared/preferences/rules';
import { CapsForm } from './caps-form';
import { ChannelSwitches } from './channel-switches';
import { Glance } from './glance';
import { PauseForm } from './pause-form';
import { MarketingLines } from './marketing-lines';
import { PresetChoices } from './preset-choices';
import { QuietHoursForm } from './quiet-hours-form';
import type { SaveChange } from './save-change';
import { SaveStatus, type Status } from './save-status';
import { SenderChoices } from './sender-choices';
import { ServiceChoices } from './service-choices';
import { TopicChoices } from './topic-choices';
import '../preferences.css';

type Props = {
  accountId: string;
  holderName: string;
  canEdit: boolean;
  recordHref: string;
  /** Composed in by the page under the summary: which systems have the latest change (by version). */
  afterGlance?: (version: number) => ReactNode;
};

/** The whole preferences page body: loads the choices, then every section. */
export function PreferencesEditor(props: Props) {
  const { t } = useTranslation('preferences');
  const prefs = usePreferences(props.accountId);
  const loaded = useRevealed(prefs.data);
  // Once loaded, keep showing the choices even if a later refresh fails (the shell says when we are offline).
  if (loaded) return <Editor {...props} prefs={loaded} />;
  if (prefs.isError) {
    if (isProblem(prefs.error, 403))
      return <p className="status status--info">{t('noAccess', { holder: props.holderName })}</p>;
    return (
      <QueryError message={t('loadFailed')} retryLabel={t('retry', { ns: 'common' })} onRetry={() => prefs.refetch()} />
    );
  }
  return <Skeleton label={t('loading')} lines={8} fill />;
}

function Editor({
  accountId,
  holderName,
  canEdit,
  recordHref,
  afterGlance,
  prefs: loaded,
}: Props & { prefs: Preferences }) {
  const { t, i18n } = useTranslation('preferences');
  // The query cache is the one source of the choices: optimistic, then confirmed or rolled back.
  // Reading it here (not only in the parent) lets a re-render show what it holds right now.
  const prefs = usePreferences(accountId).data ?? loaded;
  // A save writes the cache at once, but the cache tells its readers a task later. Re-render now,
  // so a switch shows the new choice in the same frame as the press (a controlled switch would
  // otherwise flick back for a moment).
  const [, showCacheNow] = useReducer((n: number) => n + 1, 0);
  const update = useUpdatePreferences(accountId);
  const preset = useApplyPreset(accountId);
  const [status, setStatus] = useState<Status | null>(null);
  // The control that made the last change, so hiding the receipt can return focus to it.
  const lastControl = useRef<HTMLElement | null>(null);
  const remember = () => {
    if (document.activeElement instanceof HTMLElement && document.activeElement !== document.body)
      lastControl.current = document.activeElement;
  };
  const hideReceipt = () => {
    setStatus(null);
    const target = lastControl.current;
    if (target?.isConnected) target.focus();
    else document.getElementById('prefs-glance-title')?.focus();
  };

  const failure = (error: unknown, description: string, retry: () => void): Status => {
    if (isProblem(error, 409)) return { kind: 'conflict' };
    if (isProblem(error, 403)) return { kind: 'forbidden' };
    if (isProblem(error, 422)) return { kind: 'invalid' };
    return { kind: 'failed', description, network: isProblem(error, 0), retry };
  };

  // Failures so far: a save that was already queued when another one failed does not cover up
  // that failure with its receipt (the person has not had the chance to read it or retry).
  const failures = useRef(0);
  const save: SaveChange = async (change) => {
    remember();
    const failuresBefore = failures.current;
    const saving = update.mutateAsync(change);
    showCacheNow();
    try {
      const result = await saving;
      if (failures.current === failuresBefore) setStatus({ kind: 'saved', changes: result.event?.changes ?? [] });
      return true;
    } catch (error) {
      failures.current += 1;
      const description = patchEntries(change)
        .map(([path, to]) => describeChange(path, to, t, i18n.language))
        .join('; ');
      setStatus(failure(error, description, () => void save(change)));
      return false;
    }
  };

  const choosePreset = async (name: Preset) => {
    remember();
    try {
      const result = await preset.mutateAsync(name);
      setStatus({ kind: 'preset', preset: name, changes: result.event?.changes ?? [] });
    } catch (error) {
      setStatus(failure(error, t(`presets.${name}.label`), () => void choosePreset(name)));
    }
  };

  const saving = update.isPending || preset.isPending;
  return (
    <div className="prefs">
      {!canEdit && <p className="status status--info">{t('readOnly', { holder: holderName })}</p>}
      <Glance prefs={prefs} recordHref={recordHref} />
      {afterGlance?.(prefs.version)}
      {canEdit && <PresetChoices prefs={prefs} onChoose={choosePreset} busy={preset.isPending} />}
      <MarketingLines accountId={accountId} />
      <SenderChoices prefs={prefs} canEdit={canEdit} onSave={save} />
      <ChannelSwitches prefs={prefs} canEdit={canEdit} onSave={save} />
      <TopicChoices prefs={prefs} canEdit={canEdit} onSave={save} />
      <QuietHoursForm prefs={prefs} canEdit={canEdit} onSave={save} busy={saving} onInvalid={() => setStatus(null)} />
      <PauseForm prefs={prefs} canEdit={canEdit} onSave={save} busy={saving} onInvalid={() => setStatus(null)} />
      <CapsForm prefs={prefs} canEdit={canEdit} onSave={save} busy={saving} onInvalid={() => setStatus(null)} />
      <ServiceChoices prefs={prefs} canEdit={canEdit} onSave={save} />
      <SaveStatus status={status} prefs={prefs} holderName={holderName} recordHref={recordHref} onHide={hideReceipt} />
    </div>
  );
}
