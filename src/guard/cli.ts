import { CORE_SCHEMA, load } from 'js-yaml';
import { checkAllowList } from './allow-list';
import { GuardAllowEntry, GuardFinding, GuardSeverity } from './guard-types';
import { ManifestInputError, readManifests, readManifestsAtRevision, readText } from './manifest-files';
import { StorageGuard } from './storage-guard';
import { CHECK_USAGE, runCheckCli } from '../check/check-cli';
import { StorageErrors } from '../core/errors';

/** Where the command writes, and (for `check -`) what it reads. */
export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly stdin?: () => string;
}

const USAGE = `usage: cdk8s-storage guard --current <dir|file> (--previous <dir|file> | --git-ref <revision>) [--allow <file>] [--json]

Compares the previous and the current manifests and reports the storage changes the
API server will refuse (refused) or that risk data (data-loss), and warnings.
  --previous <dir|file>  the manifests now deployed
  --git-ref <revision>   instead of --previous: --current as it was at this git revision
  --allow <file>         YAML or JSON list of {kind, name, namespace?, field?} changes handled deliberately
  --json                 print the findings as JSON
Exit status: 0 no refused or data-loss finding, 1 at least one, 2 bad input: a path that
cannot be read, YAML that does not parse or expands past a million values, two objects
with one kind/namespace/name, a field in the wrong shape, an unknown allow-list key.`;

/** Runs `cdk8s-storage <args>` and returns the exit status. */
export function runCli(args: string[], io: CliIo): number {
  if (args[0] === 'check') return runCheckCli(args.slice(1), io);
  try {
    const options = parseArgs(args);
    const previous = options.gitRef ? readManifestsAtRevision(options.current, options.gitRef) : readManifests(options.previous!);
    const current = readManifests(options.current);
    const allow = options.allow ? readAllowList(options.allow) : [];
    const findings = StorageGuard.compare(previous, current, { allow });
    if (options.json) io.out(JSON.stringify(findings, null, 2));
    else report(findings, previous.length, current.length, io);
    return StorageGuard.isBlocking(findings) ? 1 : 0;
  } catch (e) {
    // Input that cannot be judged is exit 2, never a verdict.
    if (e instanceof ManifestInputError || StorageErrors.isStorageValidationError(e)) {
      io.err(`cdk8s-storage guard: ${(e as Error).message}`);
      return 2;
    }
    throw e;
  }
}

interface Options { readonly current: string; readonly previous?: string; readonly gitRef?: string; readonly allow?: string; readonly json: boolean }

function parseArgs(args: string[]): Options {
  const [command, ...rest] = args;
  const values: { [flag: string]: string } = {};
  let json = false;
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i];
    if (flag === '--json') json = true;
    else if (['--current', '--previous', '--git-ref', '--allow'].includes(flag) && rest[i + 1] !== undefined) values[flag] = rest[++i];
    else throw new ManifestInputError(`unknown or incomplete option "${flag}"\n${USAGE}`);
  }
  if (command !== 'guard' || !values['--current'] || (!values['--previous'] === !values['--git-ref'])) {
    throw new ManifestInputError(`${command === 'guard' ? 'give --current and one of --previous or --git-ref' : `unknown command "${command ?? ''}"`}\n${USAGE}\n\n${CHECK_USAGE}`);
  }
  return { current: values['--current'], previous: values['--previous'], gitRef: values['--git-ref'], allow: values['--allow'], json };
}

function readAllowList(path: string): GuardAllowEntry[] {
  const text = readText(path);
  let entries: unknown;
  try {
    entries = load(text, { schema: CORE_SCHEMA });
  } catch (e) {
    throw new ManifestInputError(`${path}: the allow-list is not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  return checkAllowList(entries, path);
}

function report(findings: GuardFinding[], before: number, after: number, io: CliIo): void {
  const count = (s: GuardSeverity) => findings.filter(f => f.severity === s).length;
  for (const f of findings) {
    const object = `${f.kind} ${f.namespace ? `${f.namespace}/` : ''}${f.name}`;
    io.out(`${f.severity.toUpperCase()}  ${object}  ${f.field}`);
    io.out(`  ${f.oldValue ?? '(unset)'} -> ${f.newValue ?? '(unset)'}`);
    io.out(`  ${f.message}`);
    io.out(`  remedy: ${f.remedy}`);
  }
  io.out(`compared ${before} previous and ${after} current objects: ${count(GuardSeverity.REFUSED)} refused, ${count(GuardSeverity.DATA_LOSS)} data-loss, ${count(GuardSeverity.WARNING)} warning`);
}

