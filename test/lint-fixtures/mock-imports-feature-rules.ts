// lint as: src/mocks/lint-fixture.ts
import { parseFilters } from '../features/contact-history/rules';

export const fixture = parseFilters;
