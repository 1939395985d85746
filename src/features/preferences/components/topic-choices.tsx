import { useTranslation } from 'react-i18next';
import { Switch } from '@/components/ui/switch';
import { channels, topics } from '@/lib/api-types';
import type { Preferences } from '../api/get-preferences';
import type { SaveChange } from './save-change';

/** Topics × channels, one fieldset per topic so it reads well on a narrow phone. */
export function TopicChoices({ prefs, canEdit, onSave }: { prefs: Preferences; canEdit: boolean; onSave: SaveChange }) {
  const { t } = useTranslation('preferences');
  return (
    <section aria-labelledby="prefs-topics-title">
      <h2 id="prefs-topics-title">{t('topicsTitle')}</h2>
      <p>{t('topicsIntro')}</p>
      {topics.map((topic) => (
        <fieldset key={topic} className="prefs-group prefs-topic" aria-describedby={`topic-${topic}-about`}>
          <legend>
            <h3 className="prefs-legend">{t(`topics.${topic}.name`)}</h3>
          </legend>
          <div id={`topic-${topic}-about`}>
            <p className="prefs-topic__description">{t(`topics.${topic}.description`)}</p>
            <p className="muted prefs-topic__example">
              {t('exampleLabel')} <q>{t(`topics.${topic}.example`)}</q>
            </p>
          </div>
          <div className="prefs-switches">
            {channels.map((channel) => (
              <Switch
                key={channel}
                id={`pref-${topic}-${channel}`}
                label={t(`channels.${channel}`)}
                checked={prefs.marketing[topic][channel]}
                disabled={!canEdit}
                onChange={(on) => void onSave({ marketing: { [topic]: { [channel]: on } } })}
              />
            ))}
          </div>
        </fieldset>
      ))}
    </section>
  );
}
