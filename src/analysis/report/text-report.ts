import { objectLabel, ReportInput } from './report-format';
import { formatLocation } from '../../manifests/source';
import { Severity } from '../severity';

/**
 * One block per finding (with `file:line` where the object was read from a
 * file), then the count of each severity the command's rules can report.
 */
export function textReport(input: ReportInput): string {
  const lines: string[] = [];
  for (const f of input.findings) {
    lines.push(`${f.severity.toUpperCase()}  ${f.ruleId}  ${objectLabel(f)}  ${f.field}`);
    if (f.oldValue !== undefined || f.newValue !== undefined) lines.push(`  ${f.oldValue ?? '(unset)'} -> ${f.newValue ?? '(unset)'}`);
    lines.push(`  ${f.message}`);
    lines.push(`  fix: ${f.fix}`);
    if (f.location) lines.push(`  at: ${formatLocation(f.location)}`);
  }
  const shown = Object.values(Severity).filter(s => input.rules.some(r => r.severity === s) || input.findings.some(f => f.severity === s));
  lines.push(`${input.judged}: ${shown.map(s => `${input.findings.filter(f => f.severity === s).length} ${s}`).join(', ')}`);
  return lines.join('\n');
}
