// lint as: src/shared/needs/lint-fixture.ts
import { useState } from 'react';

export const fixture = useState;
