import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/ui/query-error';
import { Skeleton } from '@/components/ui/skeleton';
import { isProblem } from '@/lib/api-client';
import type { Schema } from '@/lib/api-types';
import { useApplyPreset, type Preset } from '../api/apply-preset';
import { usePreferences, type Preferences } from '../api/get-preferences';
import { useUpdatePreferences, withChange, type PreferencesChange } from '../api/update-preferences';
import { describeChange } from '../describe';
import { patchEntries } from '../schemas';
import { CapsForm } from './caps-form';
import { Glance } from './glance';
import { PauseForm } from './pause-form';
import { PresetChoices } from './preset-choices';
import { SaveStatus, type Status } from './save-status';
import { SenderChoices } from './sender-choices';
import { ServiceChoices } from './service-choices';
import { TopicChoices } from './topic-choices';
import '../preferences.css';

type Props = { accountId: string; holderName: string; canEdit: boolean; recordHref: string };

/** The whole preferences page body: loads the choices, then every section. */
export function PreferencesEditor(props: Props) {
  const { t } = useTranslation('preferences');
  const prefs = usePreferences(props.accountId);
  // Once loaded, keep showing the choices even if a later refresh fails (the shell says when we are offline).
  if (prefs.data) return <Editor {...props} prefs={prefs.data} />;
  if (prefs.isError) {
    if (isProblem(prefs.error, 403))
      return <p className="status status--info">{t('noAccess', { holder: props.holderName })}</p>;
    return (
      <QueryError message={t('loadFailed')} retryLabel={t('retry', { ns: 'common' })} onRetry={() => prefs.refetch()} />
    );
  }
  return <Skeleton label={t('loading')} lines={8} />;
}

export type SaveChange = (change: PreferencesChange) => Promise<boolean>;

function Editor({ accountId, holderName, canEdit, recordHref, prefs: cached }: Props & { prefs: Preferences }) {
  const { t, i18n } = useTranslation('preferences');
  // What the person just chose, shown in the same frame as their press; the cache (optimistic,
  // then confirmed or rolled back) takes over as soon as it changes.
  const [intent, setIntent] = useState<Preferences | null>(null);
  useEffect(() => setIntent(null), [cached]);
  const prefs = intent ?? cached;
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
    setIntent(withChange(prefs, change));
    const failuresBefore = failures.current;
    try {
      const result = await update.mutateAsync(change);
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
      {canEdit && <PresetChoices prefs={prefs} onChoose={choosePreset} busy={preset.isPending} />}
      <SenderChoices prefs={prefs} canEdit={canEdit} onSave={save} />
      <TopicChoices prefs={prefs} canEdit={canEdit} onSave={save} />
      <PauseForm prefs={prefs} canEdit={canEdit} onSave={save} busy={saving} onInvalid={() => setStatus(null)} />
      <CapsForm prefs={prefs} canEdit={canEdit} onSave={save} busy={saving} onInvalid={() => setStatus(null)} />
      <ServiceChoices prefs={prefs} canEdit={canEdit} onSave={save} />
      <SaveStatus status={status} prefs={prefs} holderName={holderName} recordHref={recordHref} onHide={hideReceipt} />
    </div>
  );
}

export type ChangeRecord = Schema<'PreferenceChange'>;
