// lint as: src/shared/delegates/lint-fixture.ts
import { api } from '@/lib/api-client';

export const fixture = api;
