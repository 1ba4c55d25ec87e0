// Public surface of the reform-reports module: reports on carrying out the reform models (báo cáo kết quả thực hiện
// các mô hình cải cách hành chính, issue 9 item 3) per unit and period, compiled from the data, DOCX and Excel.
export { registerReformReportsApi } from './api.ts';
export { computeReportFigures } from './figures.ts';
export { registerReformReportsPages } from './pages.tsx';
export { type FigureKey, type Figures, figureDefs, modelFigures } from './rules/model-figures.ts';
export { parseReportPeriod, type ReportPeriod } from './rules/period.ts';
