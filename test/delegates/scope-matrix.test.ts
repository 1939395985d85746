import { scopeMatrix } from './scope-matrix';

scopeMatrix('msw');
