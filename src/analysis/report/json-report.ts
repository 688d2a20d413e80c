import { ReportInput } from './report-format';

/** The findings as JSON: the `Finding` type, one object per finding. */
export function jsonReport(input: ReportInput): string {
  return JSON.stringify(input.findings, null, 2);
}
