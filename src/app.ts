import { registerAppointmentsApi, registerAppointmentsPublicPages, registerAppointmentsStaffPages } from './modules/appointments/index.ts';
import { registerApsPages } from './modules/aps/index.ts';
import { registerAuditApi, registerAuditPages } from './modules/audit/index.ts';
import { registerCalendarApi, registerCalendarPages } from './modules/calendar/index.ts';
import { registerCitizenPages } from './modules/citizens/index.ts';
import { registerCommitmentPages, registerSurveyPages, registerSurveyStaffPages } from './modules/conduct/index.ts';
import { registerDashboardRoutes } from './modules/dashboards/index.ts';
import { registerDialoguesApi, registerDialoguesPages, registerDialoguesStaffPages } from './modules/dialogues/index.ts';
import {
  registerDossierPoliciesApi,
  registerDossierPoliciesPages,
  registerDossierReportRoutes,
  registerDossierSlipRoutes,
  registerDossiersApi,
  registerDossiersPages,
} from './modules/dossiers/index.ts';
import {
  registerFeedbackAdminPages,
  registerFeedbackPublicApi,
  registerFeedbackPublicPages,
  registerFeedbackReportRoutes,
  registerFeedbackStaffApi,
  registerFeedbackStaffPages,
} from './modules/feedback/index.ts';
import { registerFeedbackChannelRoutes } from './modules/feedback-channels/index.ts';
import { registerFormsApi, registerFormsPages } from './modules/forms/index.ts';
import { registerGuidePages } from './modules/guides/index.ts';
import { registerIdentityApi, registerIdentityPages } from './modules/identity/index.ts';
import { registerKioskPages, registerKioskStaffPages, registerKiosksApi } from './modules/kiosks/index.ts';
import { registerLettersApi, registerLettersPages } from './modules/letters/index.ts';
import { registerOpen311Routes } from './modules/open311/index.ts';
import { registerOutreachRoutes } from './modules/outreach/index.ts';
import { registerPaymentsApi, registerPaymentsPages } from './modules/payments/index.ts';
import { registerPostalApi, registerPostalDeskPages, registerPostalPages, registerPostalReportPages } from './modules/postal/index.ts';
import { registerProceduresApi, registerProceduresPages } from './modules/procedures/index.ts';
import { registerQuestionsApi, registerQuestionsPages, registerQuestionsStaffPages } from './modules/questions/index.ts';
import { registerReconciliationPages, registerReconciliationWebhooks } from './modules/reconciliation/index.ts';
import { registerReformApi, registerReformPages } from './modules/reform/index.ts';
import { registerReformReportsApi, registerReformReportsPages } from './modules/reform-reports/index.ts';
import { registerSamplesApi, registerSamplesPages, registerSamplesStaffPages } from './modules/samples/index.ts';
import { registerServiceIndexRoutes } from './modules/service-index/index.ts';
import { registerStaffApi, registerStaffPages } from './modules/staff/index.ts';
import { registerSubmissionPages } from './modules/submissions/index.ts';
import { registerSupportTeamsApi, registerSupportTeamsPages, registerSupportTeamsStaffPages } from './modules/support-teams/index.ts';
import { registerSystemRoutes } from './modules/system/index.ts';
import { registerUnitsApi, registerUnitsPages } from './modules/units/index.ts';
import type { Platform } from './platform/context.ts';
import type { App } from './platform/http/server.ts';
import { registerHomePage } from './web/home.tsx';

/** Registers every module's routes on the app built by the platform's HTTP layer. */
export async function registerRoutes(app: App, platform: Platform): Promise<void> {
  registerSystemRoutes(app, platform);
  registerHomePage(app);
  registerStaffApi(app, platform);
  registerStaffPages(app, platform);
  registerUnitsApi(app, platform);
  registerUnitsPages(app, platform);
  registerCalendarApi(app, platform);
  registerCalendarPages(app, platform);
  registerProceduresApi(app, platform);
  registerProceduresPages(app, platform);
  registerGuidePages(app, platform);
  registerDossiersApi(app, platform);
  registerDossiersPages(app, platform);
  registerDossierReportRoutes(app, platform);
  registerDossierSlipRoutes(app, platform);
  registerDossierPoliciesApi(app, platform);
  registerDossierPoliciesPages(app, platform);
  registerIdentityApi(app, platform);
  registerIdentityPages(app, platform);
  registerFormsApi(app, platform);
  registerFormsPages(app, platform);
  registerCitizenPages(app, platform);
  registerKiosksApi(app, platform);
  registerKioskPages(app, platform);
  registerKioskStaffPages(app, platform);
  registerApsPages(app, platform);
  registerQuestionsApi(app, platform);
  registerQuestionsPages(app, platform);
  registerQuestionsStaffPages(app, platform);
  registerSamplesApi(app, platform);
  registerSamplesPages(app, platform);
  registerSamplesStaffPages(app, platform);
  registerSubmissionPages(app, platform);
  registerDialoguesApi(app, platform);
  registerDialoguesPages(app, platform);
  registerDialoguesStaffPages(app, platform);
  registerFeedbackReportRoutes(app, platform);
  registerServiceIndexRoutes(app, platform);
  registerDashboardRoutes(app, platform);
  registerOutreachRoutes(app, platform);
  registerFeedbackPublicApi(app, platform);
  registerFeedbackPublicPages(app, platform);
  registerFeedbackStaffApi(app, platform);
  registerFeedbackStaffPages(app, platform);
  registerFeedbackAdminPages(app, platform);
  registerAuditApi(app, platform);
  registerAuditPages(app, platform);
  await registerFeedbackChannelRoutes(app, platform);
  registerReconciliationPages(app, platform);
  await registerReconciliationWebhooks(app, platform);
  registerOpen311Routes(app, platform);
  registerAppointmentsApi(app, platform);
  registerAppointmentsPublicPages(app, platform);
  registerAppointmentsStaffPages(app, platform);
  registerLettersApi(app, platform);
  registerLettersPages(app, platform);
  registerPaymentsApi(app, platform);
  registerPaymentsPages(app, platform);
  registerSupportTeamsApi(app, platform);
  registerSupportTeamsPages(app, platform);
  registerSupportTeamsStaffPages(app, platform);
  registerPostalApi(app, platform);
  registerPostalPages(app, platform);
  registerPostalDeskPages(app, platform);
  registerPostalReportPages(app, platform);
  registerCommitmentPages(app, platform);
  registerSurveyPages(app, platform);
  registerSurveyStaffPages(app, platform);
  registerReformApi(app, platform);
  registerReformPages(app, platform);
  registerReformReportsApi(app, platform);
  registerReformReportsPages(app, platform);
}
