// lint as: src/features/preferences/components/lint-fixture.tsx
import { keys } from '@/features/delegates/keys';

export const fixture = keys;
