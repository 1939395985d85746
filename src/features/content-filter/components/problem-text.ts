import type { TFunction } from 'i18next';
import { isProblem } from '@/lib/api-client';

/** The reader's words for an API failure: by its stable code (a field's reason for a 422), else by its status. */
export function problemText(t: TFunction, error: unknown, vars: Record<string, string> = {}) {
  if (isProblem(error)) {
    const code = (error.code === 'validation' ? error.problem.errors?.[0]?.reason : error.code) ?? '';
    if (code === 'rate-limited') {
      const minutes = String(Math.max(1, Math.ceil((error.problem.retryAfterSeconds ?? 60) / 60)));
      return t('content-filter:problems.rate-limited', { minutes });
    }
    if (t(`content-filter:problems.${code}`, { defaultValue: '' })) return t(`content-filter:problems.${code}`, vars);
    if (error.status === 0) return t('common:errors.network');
    if (error.status === 403) return t('common:errors.forbidden');
    if (error.status >= 500) return t('common:errors.server');
  }
  return t('common:errors.generic');
}

/** Field-level words for a 422 naming `field`, if the API named it. */
export function fieldProblem(t: TFunction, error: unknown, field: string) {
  return isProblem(error, 422) && error.fieldError(field) ? problemText(t, error) : undefined;
}
