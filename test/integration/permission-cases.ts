/** Permission-matrix cases contributed by the procedures and calendar modules. */
import { appointmentsMatrixCases } from './appointments-permission-cases.ts';
import { calendarMatrixCases } from './calendar-permission-cases.ts';
import { citizenMatrixCases } from './citizens-permission-cases.ts';
import { conductMatrixCases } from './conduct-permission-cases.ts';
import { dialoguesMatrixCases } from './dialogues-permission-cases.ts';
import { dossierMatrixCases, dossierPageMatrixCases } from './dossier-permission-cases.ts';
import { dossierPolicyMatrixCases } from './dossier-policy-permission-cases.ts';
import { dossierReportMatrixCases } from './dossier-report-permission-cases.ts';
import { dossierSlipMatrixCases } from './dossier-slip-permission-cases.ts';
import { feedbackMatrixCases } from './feedback-permission-cases.ts';
import { feedbackReportMatrixCases } from './feedback-report-permission-cases.ts';
import { formsMatrixCases } from './forms-permission-cases.ts';
import { guidesMatrixCases } from './guides-permission-cases.ts';
import { identityMatrixCases } from './identity-permission-cases.ts';
import { kioskMatrixCases } from './kiosks-permission-cases.ts';
import { lettersMatrixCases } from './letters-permission-cases.ts';
import { paymentsMatrixCases } from './payments-permission-cases.ts';
import type { MatrixCase } from './permissions.test.ts';
import { postalMatrixCases } from './postal-permission-cases.ts';
import { procedureMatrixCases } from './procedures-permission-cases.ts';
import { questionMatrixCases } from './questions-permission-cases.ts';
import { reconciliationMatrixCases } from './reconciliation-permission-cases.ts';
import { reformMatrixCases } from './reform-permission-cases.ts';
import { reformReportsMatrixCases } from './reform-reports-permission-cases.ts';
import { samplesMatrixCases } from './samples-permission-cases.ts';
import { serviceIndexMatrixCases } from './service-index-permission-cases.ts';
import { supportTeamsMatrixCases } from './support-teams-permission-cases.ts';

export const matrixCases: MatrixCase[] = [
  ...paymentsMatrixCases,
  ...reconciliationMatrixCases,
  ...procedureMatrixCases,
  ...citizenMatrixCases,
  ...calendarMatrixCases,
  ...dossierMatrixCases,
  ...dossierPageMatrixCases,
  ...dossierSlipMatrixCases,
  ...dossierReportMatrixCases,
  ...feedbackReportMatrixCases,
  ...serviceIndexMatrixCases,
  ...feedbackMatrixCases,
  ...dossierPolicyMatrixCases,
  ...formsMatrixCases,
  ...guidesMatrixCases,
  ...identityMatrixCases,
  ...kioskMatrixCases,
  ...questionMatrixCases,
  ...samplesMatrixCases,
  ...dialoguesMatrixCases,
  ...supportTeamsMatrixCases,
  ...conductMatrixCases,
  ...lettersMatrixCases,
  ...appointmentsMatrixCases,
  ...postalMatrixCases,
  ...reformMatrixCases,
  ...reformReportsMatrixCases,
];

matrixCases.push({
  method: 'DELETE',
  route: '/api/v1/api-keys/:id',
  permission: 'api-keys.manage',
  scope: 'global',
  make: async (f) => {
    const r = await f.sys.platform.pool.query<{ id: number }>(
      "INSERT INTO api_keys (name, prefix, token_hash, scopes) VALUES ('thử', 'gd_thu', md5(random()::text), '{units.read}') RETURNING id",
    );
    return { url: `/api/v1/api-keys/${r.rows[0]?.id}` };
  },
});
