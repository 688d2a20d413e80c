import { checkRuleIds, ruleInfos } from './engine';
import { Finding } from './finding';
import { renderReport, ReportFormat } from './report';
import { RuleInfo } from './rule-info';
import { blocks, FAIL_ON_LEVELS, Severity } from './severity';
import { StorageErrors } from '../core/errors';
import { ManifestInputError } from '../manifests/files';

/** Where a command writes, and (for the path `-`) what it reads. */
export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /** Reads standard input (for the path `-`). */
  readonly stdin?: () => string;
}

/** What a command of the CLI is: its name, usage, rules, default gate, and its own flags. */
export interface CommandSpec {
  readonly name: string;
  readonly usage: string;
  readonly rules: readonly RuleInfo[];
  readonly defaultFailOn: Severity;
  /** Its own flags that take a value (`--current`, ...). */
  readonly valueFlags: readonly string[];
  /** Whether it takes paths as positional arguments. */
  readonly takesPaths: boolean;
}

/** The parsed arguments of a command: the options every command shares, and its own. */
export interface ParsedArgs {
  readonly format: ReportFormat;
  readonly failOn: Severity;
  readonly suppress: string[];
  readonly listRules: boolean;
  readonly values: { readonly [flag: string]: string };
  readonly paths: readonly string[];
}

/** What a command's run judged: its findings, and a phrase for the summary ("checked 12 objects"). */
export interface Judgement {
  readonly findings: Finding[];
  readonly judged: string;
}

/** The options every command takes, for its usage text. */
export const COMMON_OPTIONS = `  --format <format>     text (default), json, sarif (code scanning) or junit (CI test reports)
  --json                the same as --format json
  --suppress <id,id>    skip these rules for every object
  --fail-on <severity>  the least severity that fails: error, warning or info
  --list-rules          list the rules (id, severity, summary, source) in the chosen format`;

/**
 * Runs one command: parses the shared options, lists the rules or runs
 * `judge`, prints the report, and maps the outcome to the exit status:
 * 0 nothing at `--fail-on` or worse, 1 something, 2 input that cannot be
 * judged (never "clean").
 */
export function runCommand(spec: CommandSpec, args: string[], io: CliIo, judge: (args: ParsedArgs) => Judgement): number {
  try {
    const parsed = parseArgs(spec, args);
    if (parsed.listRules) {
      io.out(ruleListing(spec, parsed.format));
      return 0;
    }
    const { findings, judged } = judge(parsed);
    io.out(renderReport(parsed.format, { command: spec.name, rules: spec.rules, findings, failOn: parsed.failOn, judged }, `cdk8s-storage ${spec.name}`));
    return findings.some(f => blocks(f.severity, parsed.failOn)) ? 1 : 0;
  } catch (e) {
    if (e instanceof ManifestInputError || StorageErrors.isStorageValidationError(e)) {
      io.err(`cdk8s-storage ${spec.name}: ${(e as Error).message}`);
      return 2;
    }
    throw e;
  }
}

const FORMATS = Object.values(ReportFormat) as string[];

function parseArgs(spec: CommandSpec, args: string[]): ParsedArgs {
  let format = ReportFormat.TEXT;
  let failOn = spec.defaultFailOn;
  let suppress: string[] = [];
  let listRules = false;
  const values: { [flag: string]: string } = {};
  const paths: string[] = [];
  const bad = (arg: string, hint = '') => new ManifestInputError(`unknown or incomplete option "${arg}"${hint}\n${spec.usage}`);
  for (let i = 0; i < args.length; i++) {
    const [arg, next] = [args[i], args[i + 1]];
    if (arg === '--json') {format = ReportFormat.JSON;} else if (arg === '--list-rules') {listRules = true;} else if (arg === '--format') {
      if (!FORMATS.includes(next)) throw bad(arg, ` (give one of ${FORMATS.join(', ')})`);
      format = args[++i] as ReportFormat;
    } else if (arg === '--fail-on') {
      if (!(FAIL_ON_LEVELS as string[]).includes(next)) throw bad(arg, ` (give one of ${FAIL_ON_LEVELS.join(', ')})`);
      failOn = args[++i] as Severity;
    } else if (arg === '--suppress' && next !== undefined) {
      suppress = [...suppress, ...checkRuleIds(spec.rules, splitIds(args[++i]), '--suppress')];
    } else if (spec.valueFlags.includes(arg) && next !== undefined) {
      values[arg] = args[++i];
    } else if (spec.takesPaths && (arg === '-' || !arg.startsWith('-'))) {
      paths.push(arg);
    } else {
      throw bad(arg);
    }
  }
  return { format, failOn, suppress, listRules, values, paths };
}

function splitIds(list: string): string[] {
  return list.split(',').map(id => id.trim()).filter(id => id !== '');
}

/** The rules in a format: text for people, JSON for programs; SARIF and JUnit list them as a report with no finding. */
function ruleListing(spec: CommandSpec, format: ReportFormat): string {
  switch (format) {
    case ReportFormat.TEXT: return spec.rules.map(rule => `${rule.id} (${rule.severity})\n  ${rule.summary}\n  source: ${rule.source}`).join('\n');
    case ReportFormat.JSON: return JSON.stringify(ruleInfos(spec.rules), null, 2);
    default: return renderReport(format, { command: spec.name, rules: spec.rules, findings: [], failOn: spec.defaultFailOn, judged: 'listed the rules' }, `cdk8s-storage ${spec.name}`);
  }
}
