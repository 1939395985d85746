// lint as: src/features/propagation/components/lint-fixture.tsx
// propagation was missing from the hand-written feature list; the list now comes from the folders.
import { unsubscribeKeys } from '@/features/unsubscribe/keys';

export const fixture = unsubscribeKeys;
