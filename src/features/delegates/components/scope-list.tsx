import { useTranslation } from 'react-i18next';
import type { Scope } from '@/lib/api-types';

/** What a delegate may do, in plain words. */
export function ScopeList({ scopes }: { scopes: readonly Scope[] }) {
  const { t } = useTranslation('delegates');
  if (!scopes.length) return <p className="flush-top">{t('scope.none')}</p>;
  return (
    <ul className="delegates-scopes">
      {scopes.map((scope) => (
        <li key={scope}>{t(`scope.${scope}.label`)}</li>
      ))}
    </ul>
  );
}
