// lint as: src/shared/preferences/lint-fixture.ts
import { capsFromForm } from '../../features/preferences/rules';

export const fixture = capsFromForm;
