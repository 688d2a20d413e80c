import { readFileSync } from 'fs';
import { CheckFinding, CheckSeverity } from './check-types';
import { StorageCheck, checkRuleIds } from './storage-check';
import { StorageErrors } from '../core/errors';
import { Manifest } from '../guard/manifest';
import { ManifestInputError, MAX_FILE_BYTES, parseManifests, readManifests } from '../guard/manifest-files';

/** Where the command writes. */
export interface CheckIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /** Reads standard input (for the path `-`). */
  readonly stdin?: () => string;
}

export const CHECK_USAGE = `usage: cdk8s-storage check <dir|file|-> ... [--json] [--suppress <id,id>] [--fail-on error|warning|info]
       cdk8s-storage check --list-rules [--json]

Checks any Kubernetes manifests for storage mistakes: access modes a driver cannot serve,
local volumes bound too early, sizes, StatefulSet names and Services, claims shared by
several pods, Delete and Recycle on static storage, snapshot API versions, CSI credentials
and RBAC, GitOps prune protection. "-" reads the manifests from standard input.
  --json                print the findings (or the rules) as JSON
  --suppress <id,id>    skip these rules for every object (an object can also carry the
                        annotation cdk8s-storage.io/suppress: "<id>,<id>")
  --fail-on <severity>  the least severity that fails (default warning; info never fails by default)
Exit status: 0 no finding at --fail-on or worse, 1 at least one, 2 bad input: a path that
cannot be read, YAML that does not parse, two objects with one kind/namespace/name, a field
in the wrong shape, an unknown rule id.`;

interface Options {
  readonly paths: string[];
  readonly json: boolean;
  readonly suppress: string[];
  readonly failOn: CheckSeverity;
  readonly listRules: boolean;
}

/** Runs `cdk8s-storage check <args>` and returns the exit status. */
export function runCheckCli(args: string[], io: CheckIo): number {
  try {
    const options = parseArgs(args);
    if (options.listRules) {
      listRules(options.json, io);
      return 0;
    }
    const manifests = options.paths.flatMap(path => (path === '-' ? readStdin(io) : readManifests(path)));
    const findings = StorageCheck.check(manifests, { suppress: options.suppress });
    if (options.json) io.out(JSON.stringify(findings, null, 2));
    else report(findings, manifests.length, io);
    return StorageCheck.isBlocking(findings, options.failOn) ? 1 : 0;
  } catch (e) {
    // Input that cannot be judged is exit 2, never "clean".
    if (e instanceof ManifestInputError || StorageErrors.isStorageValidationError(e)) {
      io.err(`cdk8s-storage check: ${(e as Error).message}`);
      return 2;
    }
    throw e;
  }
}

function parseArgs(args: string[]): Options {
  const paths: string[] = [];
  let json = false;
  let list = false;
  let suppress: string[] = [];
  let failOn = CheckSeverity.WARNING;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--json') json = true;
    else if (arg === '--list-rules') list = true;
    else if (arg === '--suppress' && args[i + 1] !== undefined) suppress = [...suppress, ...checkRuleIds(splitIds(args[++i]), '--suppress')];
    else if (arg === '--fail-on' && (Object.values(CheckSeverity) as string[]).includes(args[i + 1])) failOn = args[++i] as CheckSeverity;
    else if (arg === '-' || !arg.startsWith('-')) paths.push(arg);
    else throw new ManifestInputError(`unknown or incomplete option "${arg}"${arg === '--fail-on' ? ` (give one of ${Object.values(CheckSeverity).join(', ')})` : ''}\n${CHECK_USAGE}`);
  }
  if (paths.length === 0 && !list) throw new ManifestInputError(`give a directory, a file, or - for standard input\n${CHECK_USAGE}`);
  return { paths, json, suppress, failOn, listRules: list };
}

function splitIds(list: string): string[] {
  return list.split(',').map(id => id.trim()).filter(id => id !== '');
}

function readStdin(io: CheckIo): Manifest[] {
  let text: string;
  try {
    text = io.stdin ? io.stdin() : readFileSync(0, 'utf-8');
  } catch (e) {
    throw new ManifestInputError(`standard input cannot be read (${(e as Error).message})`);
  }
  if (text.length > MAX_FILE_BYTES) throw new ManifestInputError(`standard input: larger than the ${MAX_FILE_BYTES}-byte limit`);
  const manifests = parseManifests(text, 'stdin');
  if (manifests.length === 0) throw new ManifestInputError('standard input: no manifests (an empty input is not clean, it is nothing)');
  return manifests;
}

function listRules(json: boolean, io: CheckIo): void {
  const rules = StorageCheck.rules();
  if (json) {
    io.out(JSON.stringify(rules, null, 2));
    return;
  }
  for (const rule of rules) {
    io.out(`${rule.id} (${rule.severity})`);
    io.out(`  ${rule.summary}`);
    io.out(`  source: ${rule.source}`);
  }
}

function report(findings: CheckFinding[], objects: number, io: CheckIo): void {
  const count = (s: CheckSeverity) => findings.filter(f => f.severity === s).length;
  for (const f of findings) {
    io.out(`${f.severity.toUpperCase()}  ${f.ruleId}  ${f.kind} ${f.namespace ? `${f.namespace}/` : ''}${f.name}  ${f.field}`);
    io.out(`  ${f.message}`);
    io.out(`  fix: ${f.fix}`);
    if (f.location) io.out(`  at: ${f.location}`);
  }
  io.out(`checked ${objects} objects: ${count(CheckSeverity.ERROR)} error, ${count(CheckSeverity.WARNING)} warning, ${count(CheckSeverity.INFO)} info`);
}
