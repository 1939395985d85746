import { useTranslation } from 'react-i18next';
import { Switch } from '@/components/ui/switch';
import { channels, topics } from '@/lib/api-types';
import { effectiveMarketing } from '@/shared/preferences/rules';
import type { SectionProps } from './save-change';

/** Topics × channels, one fieldset per topic so it reads well on a narrow phone. */
export function TopicChoices({ prefs, canEdit, onSave }: SectionProps) {
  const { t } = useTranslation('preferences');
  // A channel turned off with its one switch shows off here too; the choice underneath is kept.
  const marketing = effectiveMarketing(prefs);
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
                checked={marketing[topic][channel]}
                disabled={!canEdit || prefs.channelsOff[channel]}
                hint={
                  prefs.channelsOff[channel]
                    ? t('channelsOff.lockedHint', { label: t(`channelsOff.label.${channel}`) })
                    : undefined
                }
                onChange={(on) => void onSave({ marketing: { [topic]: { [channel]: on } } })}
              />
            ))}
          </div>
        </fieldset>
      ))}
    </section>
  );
}
