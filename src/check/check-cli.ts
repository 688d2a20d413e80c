import { readFileSync } from 'fs';
import { CHECK_RULES } from './rules';
import { StorageCheck } from './storage-check';
import { CliIo, COMMON_OPTIONS, CommandSpec, runCommand } from '../analysis/command-line';
import { Severity } from '../analysis/severity';
import { ManifestInputError, readManifests, readStdin } from '../manifests/files';

export const CHECK_USAGE = `usage: cdk8s-storage check <dir|file|-> ... [options]
       cdk8s-storage check --list-rules [--format text|json|sarif|junit]

Checks any Kubernetes manifests for storage mistakes: access modes a driver cannot serve,
local volumes bound too early, sizes, StatefulSet names and Services, claims shared by
several pods, Delete and Recycle on static storage, snapshot API versions, CSI credentials
and RBAC, GitOps prune protection. "-" reads the manifests from standard input.
${COMMON_OPTIONS}
An object can also skip rules with the annotation cdk8s-storage.io/suppress: "<id>,<id>".
--fail-on defaults to warning (info never fails by default).
Exit status: 0 no finding at --fail-on or worse, 1 at least one, 2 bad input: a path that
cannot be read, YAML that does not parse, two objects with one kind/namespace/name, a field
in the wrong shape, an unknown rule id.`;

/** The check command: its rules and its default gate (also what `Findings.report` uses for check). */
export const CHECK_COMMAND: CommandSpec = {
  name: 'check',
  usage: CHECK_USAGE,
  rules: CHECK_RULES,
  defaultFailOn: Severity.WARNING,
  valueFlags: [],
  takesPaths: true,
};

/** Runs `cdk8s-storage check <args>` and returns the exit status. */
export function runCheckCli(args: string[], io: CliIo): number {
  return runCommand(CHECK_COMMAND, args, io, ({ paths, suppress }) => {
    if (paths.length === 0) throw new ManifestInputError(`give a directory, a file, or - for standard input\n${CHECK_USAGE}`);
    const manifests = paths.flatMap(path => (path === '-' ? readStdin(io.stdin ?? (() => readFileSync(0, 'utf-8'))) : readManifests(path)));
    return { findings: StorageCheck.check(manifests, { suppress }), judged: `checked ${manifests.length} objects` };
  });
}
