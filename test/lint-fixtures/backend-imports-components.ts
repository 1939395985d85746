// lint as: src/backend/lint-fixture.ts
import * as ui from '@/components/ui/field';

export const fixture = ui;
