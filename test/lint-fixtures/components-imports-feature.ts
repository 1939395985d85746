// lint as: src/components/ui/lint-fixture.tsx
import { keys } from '../../features/preferences/keys';

export const fixture = keys;
