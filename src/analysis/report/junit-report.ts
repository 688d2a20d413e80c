import { objectLabel, ReportInput } from './report-format';
import { formatLocation } from '../../manifests/source';
import { Finding } from '../finding';
import { blocks } from '../severity';

/**
 * JUnit XML as CI test reports read it (GitLab's artifacts:reports:junit,
 * Jenkins, Azure DevOps): one test suite for the command, a passing test case
 * for each rule that found nothing, and a test case for each finding, failed
 * when it is at `failOn` or worse.
 */
export function junitReport(input: ReportInput): string {
  const suite = `cdk8s-storage ${input.command}`;
  const cases: string[] = [];
  let failures = 0;
  for (const rule of input.rules) {
    const found = input.findings.filter(f => f.ruleId === rule.id);
    if (found.length === 0) cases.push(`    <testcase classname="${xml(suite)}" name="${xml(rule.id)}"/>`);
    for (const f of found) {
      const failed = blocks(f.severity, input.failOn);
      if (failed) failures++;
      cases.push(findingCase(suite, f, failed));
    }
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xml(suite)}" tests="${cases.length}" failures="${failures}" errors="0">`,
    `  <testsuite name="${xml(suite)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function findingCase(suite: string, f: Finding, failed: boolean): string {
  const name = `${f.ruleId}: ${objectLabel(f)} ${f.field}`;
  const file = f.location ? ` file="${xml(f.location.file)}" line="${f.location.line}"` : '';
  const text = [
    f.message,
    ...(f.oldValue !== undefined || f.newValue !== undefined ? [`${f.oldValue ?? '(unset)'} -> ${f.newValue ?? '(unset)'}`] : []),
    `fix: ${f.fix}`,
    ...(f.location ? [`at: ${formatLocation(f.location)}`] : []),
  ].join('\n');
  const body = failed
    ? `<failure type="${xml(f.severity)}" message="${xml(f.message)}">${xml(text)}</failure>`
    : `<system-out>${xml(`${f.severity}: ${text}`)}</system-out>`;
  return `    <testcase classname="${xml(suite)}" name="${xml(name)}"${file}>${body}</testcase>`;
}

/** Text escaped for an XML attribute or element; characters XML 1.0 forbids are dropped. */
function xml(text: string): string {
  return text
    .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
