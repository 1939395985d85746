// lint as: server/unsubscribe-page/lint-fixture.ts
import { localToday } from '../../src/features/delegates/rules';

export const fixture = localToday;
