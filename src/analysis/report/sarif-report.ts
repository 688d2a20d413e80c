import { createHash } from 'crypto';
import { readFileSync } from 'fs';
import { isAbsolute, join, relative, sep } from 'path';
import type * as Sarif from 'sarif';
import { objectLabel, ReportInput, TOOL_URI } from './report-format';
import { SourceLocation } from '../../manifests/source-location';
import { Finding } from '../finding';
import { RuleInfo } from '../rule-info';
import { Severity } from '../severity';

/** The schema SARIF logs name: SARIF 2.1.0 with its approved errata (OASIS Standard). */
const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** This library's version, read from its package.json (lib/ and src/ both sit two folders below analysis/report). */
const PACKAGE_VERSION: string = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf-8')).version;

/** SARIF has three levels; refused and data loss are errors there, and info is a note. */
const LEVEL: { readonly [severity: string]: Sarif.ReportingConfiguration.level } = {
  [Severity.REFUSED]: 'error',
  [Severity.DATA_LOSS]: 'error',
  [Severity.ERROR]: 'error',
  [Severity.WARNING]: 'warning',
  [Severity.INFO]: 'note',
};

/**
 * A SARIF 2.1.0 log, as GitHub and GitLab code scanning ingest it: one run
 * with every rule of the command (summary, source, help and level) and one
 * result per finding, located at the file and line of the object. Paths are
 * written relative to the working directory, which in CI is the repository
 * root that code scanning resolves them against.
 */
export function sarifReport(input: ReportInput): string {
  const ruleIndex = new Map(input.rules.map((r, i) => [r.id, i]));
  const log: Sarif.Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'cdk8s-storage',
          informationUri: TOOL_URI,
          version: PACKAGE_VERSION,
          semanticVersion: PACKAGE_VERSION,
          rules: input.rules.map(rule => sarifRule(input.command, rule)),
        },
      },
      // Code scanning keeps one set of alerts per category: check and guard must not replace each other's.
      automationDetails: { id: `cdk8s-storage/${input.command}/` },
      results: input.findings.map(f => sarifResult(f, ruleIndex.get(f.ruleId))),
    }],
  };
  return JSON.stringify(log, null, 2);
}

function sarifRule(command: string, rule: RuleInfo): Sarif.ReportingDescriptor {
  const help = `${rule.summary}\n\nSource: ${rule.source}`;
  return {
    id: rule.id,
    name: rule.id.split('-').map(w => w[0].toUpperCase() + w.slice(1)).join(''),
    shortDescription: { text: rule.summary },
    fullDescription: { text: help },
    help: { text: help, markdown: `${rule.summary}\n\n**Source:** ${rule.source}\n\nSuppress it with \`--suppress ${rule.id}\`.` },
    helpUri: `${TOOL_URI}#${command === 'guard' ? 'upgrading-safely' : 'check-any-manifests'}`,
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { 'tags': ['kubernetes', 'storage', command], 'precision': 'high', 'cdk8s-storage/severity': rule.severity },
  };
}

function sarifResult(f: Finding, ruleIndex: number | undefined): Sarif.Result {
  const change = f.oldValue !== undefined || f.newValue !== undefined ? ` (${f.oldValue ?? '(unset)'} -> ${f.newValue ?? '(unset)'})` : '';
  return {
    ruleId: f.ruleId,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: LEVEL[f.severity],
    message: { text: `${objectLabel(f)} ${f.field}${change}: ${f.message}. Fix: ${f.fix}` },
    locations: [{
      ...(f.location ? { physicalLocation: physicalLocation(f.location) } : {}),
      logicalLocations: [{ fullyQualifiedName: `${f.kind}/${f.namespaceName ?? ''}/${f.name}`, kind: 'object' }],
    }],
    // The object and field identify a finding across runs, whatever lines move around it.
    partialFingerprints: { 'cdk8sStorageFinding/v1': fingerprint(f) },
    properties: { 'cdk8s-storage/severity': f.severity, 'cdk8s-storage/field': f.field, 'cdk8s-storage/fix': f.fix },
  };
}

function physicalLocation(location: SourceLocation): Sarif.PhysicalLocation {
  return { artifactLocation: { uri: artifactUri(location.file) }, region: { startLine: location.line } };
}

/**
 * The file as a URI reference: relative to the working directory when it is
 * inside it, forward slashes, each segment percent-encoded. A file read at a
 * git revision (`rev:path`) is reported at its path.
 */
export function artifactUri(file: string): string {
  const revision = /^[^/\\:]+:(?![\\/])/.exec(file);
  const path = revision && !isAbsolute(file) ? file.slice(revision[0].length) : file;
  const rel = isAbsolute(path) ? relative(process.cwd(), path) : path;
  const outside = isAbsolute(rel) || rel.split(sep)[0] === '..';
  const segments = (outside ? path : rel).split(/[\\/]/).map(encodeURIComponent);
  return outside ? `file://${segments.join('/')}` : segments.join('/');
}

function fingerprint(f: Finding): string {
  return createHash('sha256').update([f.ruleId, f.kind, f.namespaceName ?? '', f.name, f.field].join('\n')).digest('hex').slice(0, 32);
}
