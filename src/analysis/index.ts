export * from './finding';
export * from './rule-info';
export { Severity } from './severity';
export { ReportFormat } from './report/report-format';
