import type { TFunction } from 'i18next';
import { formatDate } from '@/lib/format';
import type { Contact } from '../api/list-contacts';

/** The domain's verdict (a key and its values) in the reader's language. */
export function checkText(t: TFunction<'contact-history'>, language: string, check: Contact['check']) {
  const { topic, until, ...rest } = check.params;
  return t(`check.${check.key}` as 'check.allowed', {
    ...rest,
    ...(topic ? { topic: t(`topicInSentence.${topic}` as 'topicInSentence.offers') } : {}),
    ...(until ? { until: formatDate(language, until) } : {}),
  });
}
