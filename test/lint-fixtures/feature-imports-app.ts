// lint as: src/features/account/lint-fixture.ts
import { routes } from '@/app/routes';

export const fixture = routes;
