// lint as: src/lib/lint-fixture.ts
import { routes } from '@/backend/handlers';

export const fixture = routes;
