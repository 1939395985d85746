// lint as: src/lib/lint-fixture.ts
import { handlers } from '@/backend/handlers';

export const fixture = handlers;
