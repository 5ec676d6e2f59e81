export { default } from './plugin.js';
export { E_REPORT_FEE, E_REPORT_FEE_SCHEDULE, MAX_REPORTS } from './services/e-report-fee.js';
export { eReportHelp } from './services/e-report-help.js';
export { REPORT_KINDS, REPORT_KIND_TRANSLATIONS, type ReportKind } from './services/report-kinds.js';
export { taxCertificate } from './services/tax-certificate.js';
export { TAX_TRANSLATIONS, taxDocuments } from './services/tax-documents.js';
export {
  E_REPORT_FORM,
  E_REPORT_UI,
  TAX_CERTIFICATE_FORM,
  TAX_CERTIFICATE_UI,
} from './services/tax-forms.js';
export { MONTH_FIELD, QUARTER_FIELD, QUARTER_OR_MONTH, YEAR_FIELD } from './services/tax-period.js';
export {
  CERTIFICATE_WORKING_DAYS,
  E_REPORT_WORKING_DAYS,
  eReportHelpWorkflow,
  taxCertificateWorkflow,
} from './workflows/tax-workflows.js';
