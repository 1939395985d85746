import { useTranslation } from 'react-i18next';
import { Switch } from '@/components/ui/switch';
import { channels } from '@/lib/api-types';
import type { SectionProps } from './save-change';

/**
 * One switch per channel, above the topics: "No marketing phone calls at all" turns the channel
 * off for every topic and sender in one press. The topic choices underneath are kept, so one
 * more press puts them back as they were.
 */
export function ChannelSwitches({ prefs, canEdit, onSave }: SectionProps) {
  const { t } = useTranslation('preferences');
  return (
    <section aria-labelledby="prefs-channels-off-title">
      <h2 id="prefs-channels-off-title">{t('channelsOff.title')}</h2>
      <fieldset className="prefs-group" aria-describedby="prefs-channels-off-hint">
        <legend className="visually-hidden">{t('channelsOff.title')}</legend>
        <p id="prefs-channels-off-hint">{t('channelsOff.intro')}</p>
        <div className="prefs-switches prefs-switches--long-labels">
          {channels.map((channel) => (
            <Switch
              key={channel}
              id={`channel-off-${channel}`}
              label={t(`channelsOff.label.${channel}`)}
              checked={prefs.channelsOff[channel]}
              disabled={!canEdit}
              onChange={(off) => void onSave({ channelsOff: { [channel]: off } })}
            />
          ))}
        </div>
      </fieldset>
    </section>
  );
}
