/** Permission-matrix cases contributed by the procedures and calendar modules. */
import { calendarMatrixCases } from './calendar-permission-cases.ts';
import type { MatrixCase } from './permissions.test.ts';
import { procedureMatrixCases } from './procedures-permission-cases.ts';

export const matrixCases: MatrixCase[] = [...procedureMatrixCases, ...calendarMatrixCases];
