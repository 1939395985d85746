import { scopeMatrix } from './scope-matrix';

scopeMatrix('embedded');
