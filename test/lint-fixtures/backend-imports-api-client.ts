// lint as: src/backend/handlers/lint-fixture.ts
import { api } from '@/lib/api-client';

export const fixture = api;
