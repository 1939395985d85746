// lint as: src/shared/unsubscribe/lint-fixture.ts
import { html } from '../../../server/unsubscribe-page/html';

export const fixture = html;
