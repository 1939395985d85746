import { useTranslation } from 'react-i18next';
import type { Preset } from '../api/apply-preset';
import type { Preferences } from '../api/get-preferences';
import { activePreset } from '@/shared/preferences/rules';

const presets: Preset[] = ['email-only', 'no-marketing', 'let-me-choose'];

/**
 * One-tap choices, all with the same weight. The two that set a state are toggles (the one
 * in force is pressed); putting back earlier choices is an action, so it is a plain button.
 */
export function PresetChoices({
  prefs,
  onChoose,
  busy,
}: {
  prefs: Preferences;
  onChoose: (preset: Preset) => void;
  busy: boolean;
}) {
  const { t } = useTranslation('preferences');
  const active = activePreset(prefs);
  return (
    <section aria-labelledby="prefs-presets-title">
      <h2 id="prefs-presets-title">{t('presets.title')}</h2>
      <p>{t('presets.intro')}</p>
      <ul className="plain-list prefs-presets">
        {presets.map((preset) => (
          <li key={preset} className="prefs-preset">
            <button
              type="button"
              className="button button--secondary prefs-preset__button"
              aria-pressed={preset === 'let-me-choose' ? undefined : active === preset}
              aria-describedby={`preset-${preset}-hint`}
              aria-busy={busy || undefined}
              onClick={() => onChoose(preset)}
            >
              {t(`presets.${preset}.label`)}
            </button>
            {active === preset && preset !== 'let-me-choose' && (
              <span className="badge badge--success" aria-hidden="true">
                {t('presets.inForce')}
              </span>
            )}
            <p id={`preset-${preset}-hint`} className="muted prefs-preset__hint">
              {t(`presets.${preset}.hint`)}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
