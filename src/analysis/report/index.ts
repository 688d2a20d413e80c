import { jsonReport } from './json-report';
import { junitReport } from './junit-report';
import { ReportFormat, ReportInput } from './report-format';
import { sarifReport } from './sarif-report';
import { textReport } from './text-report';
import { checkArg, enumOf } from '../../core/checks';

export * from './report-format';

const PRINTERS: { readonly [format: string]: (input: ReportInput) => string } = {
  [ReportFormat.TEXT]: textReport,
  [ReportFormat.JSON]: jsonReport,
  [ReportFormat.SARIF]: sarifReport,
  [ReportFormat.JUNIT]: junitReport,
};

/** The report of `input` in `format`: every format prints the same findings. */
export function renderReport(format: ReportFormat, input: ReportInput, where: string): string {
  return PRINTERS[checkArg<ReportFormat>(where, 'format', format, enumOf(ReportFormat, 'ReportFormat'))](input);
}
