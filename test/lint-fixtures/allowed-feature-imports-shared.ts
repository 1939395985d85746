// lint as: src/features/preferences/components/lint-fixture.tsx
// Allowed: a feature uses src/shared (any feature's part of it), and config uses the shared access rule.
import { activePreset } from '@/shared/preferences/rules';
import { undoMinutesFrom } from '../../../shared/unsubscribe/undo-window';
import { mayUse } from '@/config/page-access';

export const fixture = [activePreset, undoMinutesFrom, mayUse];
