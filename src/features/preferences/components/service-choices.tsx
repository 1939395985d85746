import { useTranslation } from 'react-i18next';
import { billChannels, outageChannels, securityChannels } from '@/lib/api-types';
import type { Preferences } from '../api/get-preferences';
import type { SectionProps } from './save-change';

type ServiceMessage = keyof Preferences['service'];
const options: Record<ServiceMessage, readonly string[]> = {
  bills: billChannels,
  outages: outageChannels,
  security: securityChannels,
};

/** Service messages: always sent, explained in one sentence, with a choice of channel. */
export function ServiceChoices({ prefs, canEdit, onSave }: SectionProps) {
  const { t } = useTranslation('preferences');
  return (
    <section aria-labelledby="prefs-service-title">
      <h2 id="prefs-service-title">{t('service.title')}</h2>
      <p>{t('service.intro')}</p>
      {(Object.keys(options) as ServiceMessage[]).map((message) => (
        <fieldset key={message} className="prefs-group" aria-describedby={`service-${message}-hint`}>
          <legend>
            <h3 className="prefs-legend">{t(`service.${message}.name`)}</h3>
          </legend>
          <p id={`service-${message}-hint`} className="muted">
            {t(`service.${message}.hint`)}
          </p>
          <div className="prefs-radios">
            {options[message].map((channel) => (
              <div key={channel} className="prefs-radio">
                <input
                  type="radio"
                  id={`service-${message}-${channel}`}
                  name={`service-${message}`}
                  value={channel}
                  checked={prefs.service[message] === channel}
                  disabled={!canEdit}
                  onChange={() => void onSave({ service: { [message]: channel } })}
                />
                <label htmlFor={`service-${message}-${channel}`}>
                  {t('service.by', { channel: t(`channelInSentence.${channel}`) })}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      ))}
    </section>
  );
}
