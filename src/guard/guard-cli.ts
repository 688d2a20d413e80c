import { CORE_SCHEMA, load } from 'js-yaml';
import { checkAllowList } from './allow-list';
import { GuardAllowEntry } from './guard-options';
import { GUARD_RULES } from './rules';
import { StorageGuard } from './storage-guard';
import { CliIo, COMMON_OPTIONS, CommandSpec, runCommand } from '../analysis/command-line';
import { Severity } from '../analysis/severity';
import { ManifestInputError, readManifests, readManifestsAtRevision, readText } from '../manifests/files';

export const GUARD_USAGE = `usage: cdk8s-storage guard --current <dir|file> (--previous <dir|file> | --git-ref <revision>) [--allow <file>] [options]
       cdk8s-storage guard --list-rules [--format text|json|sarif|junit]

Compares the previous and the current manifests and reports the storage changes the
API server will refuse (refused) or that risk data (data-loss), and warnings.
  --previous <dir|file>  the manifests now deployed
  --git-ref <revision>   instead of --previous: --current as it was at this git revision
  --allow <file>         YAML or JSON list of {kind, name, namespace?, field?} changes handled deliberately
${COMMON_OPTIONS}
--fail-on defaults to error (refused and data-loss fail; warnings are reported).
Exit status: 0 no finding at --fail-on or worse, 1 at least one, 2 bad input: a path that
cannot be read, YAML that does not parse or expands past a million values, two objects
with one kind/namespace/name, a field in the wrong shape, an unknown allow-list key or rule id.`;

/** The guard command: its rules and its default gate (also what `Findings.report` uses for guard). */
export const GUARD_COMMAND: CommandSpec = {
  name: 'guard',
  usage: GUARD_USAGE,
  rules: GUARD_RULES,
  defaultFailOn: Severity.ERROR,
  valueFlags: ['--current', '--previous', '--git-ref', '--allow'],
  takesPaths: false,
};

/** Runs `cdk8s-storage guard <args>` and returns the exit status. */
export function runGuardCli(args: string[], io: CliIo): number {
  return runCommand(GUARD_COMMAND, args, io, ({ values, suppress }) => {
    const [current, previousPath, gitRef, allowPath] = ['--current', '--previous', '--git-ref', '--allow'].map(flag => values[flag]);
    if (!current || !previousPath === !gitRef) throw new ManifestInputError(`give --current and one of --previous or --git-ref\n${GUARD_USAGE}`);
    const previous = gitRef ? readManifestsAtRevision(current, gitRef) : readManifests(previousPath);
    const manifests = readManifests(current);
    const allow = allowPath ? readAllowList(allowPath) : [];
    return {
      findings: StorageGuard.compare(previous, manifests, { allow, suppress }),
      judged: `compared ${previous.length} previous and ${manifests.length} current objects`,
    };
  });
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
