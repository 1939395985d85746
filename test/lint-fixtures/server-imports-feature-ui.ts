// lint as: server/lint-fixture.ts
import { UnsubscribePage } from '@/features/unsubscribe/components/unsubscribe-page';

export const fixture = UnsubscribePage;
