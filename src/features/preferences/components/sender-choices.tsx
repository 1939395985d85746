import { useTranslation } from 'react-i18next';
import { Switch } from '@/components/ui/switch';
import { senderTypes } from '@/lib/api-types';
import type { SectionProps } from './save-change';

/** Three separate answers: us, our agents and resellers, partner companies. */
export function SenderChoices({ prefs, canEdit, onSave }: SectionProps) {
  const { t } = useTranslation('preferences');
  return (
    <fieldset className="prefs-group">
      <legend>
        <h2 className="prefs-legend">{t('senders.title')}</h2>
      </legend>
      <p className="muted">{t('senders.hint')}</p>
      {senderTypes.map((sender) => (
        <Switch
          key={sender}
          id={`pref-sender-${sender}`}
          label={t(`senders.${sender}.label`)}
          hint={t(`senders.${sender}.hint`)}
          checked={prefs.senders[sender]}
          disabled={!canEdit}
          onChange={(on) => void onSave({ senders: { [sender]: on } })}
        />
      ))}
    </fieldset>
  );
}
