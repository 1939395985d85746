// lint as: src/features/preferences/lint-fixture.ts
import { useOptOut } from '../unsubscribe/api/opt-out';

export const fixture = useOptOut;
