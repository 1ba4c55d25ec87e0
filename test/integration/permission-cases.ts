/** Permission-matrix cases contributed by the procedures and calendar modules. */
import type { MatrixCase } from './permissions.test.ts';

export const matrixCases: MatrixCase[] = [];
