import { anyBlocking, checkFailOn, checkFindings } from './analysis/engine';
import { Finding } from './analysis/finding';
import { renderReport, ReportFormat } from './analysis/report';
import { Severity } from './analysis/severity';
import { CHECK_COMMAND } from './check/check-cli';
import { GUARD_COMMAND } from './guard/guard-cli';
import { inputError } from './manifests/shape';

/** The command whose findings a report holds: its rules describe them. */
export enum FindingCommand {
  /** `StorageCheck.check`, `cdk8s-storage check`. */
  CHECK = 'check',
  /** `StorageGuard.compare`, `cdk8s-storage guard`. */
  GUARD = 'guard',
}

/** How to print findings. */
export interface FindingReportOptions {
  /** The format. */
  readonly format: ReportFormat;
  /** The command that found them: SARIF lists its rules, JUnit has a test case per rule. */
  readonly command: FindingCommand;
  /**
   * The least severity that fails (JUnit marks those test cases failed).
   *
   * @default - the command's default: Severity.WARNING for check, Severity.ERROR for guard
   */
  readonly failOn?: Severity;
}

const COMMANDS = { [FindingCommand.CHECK]: CHECK_COMMAND, [FindingCommand.GUARD]: GUARD_COMMAND };

/**
 * What to do with the findings of `check` and `guard`, the same for both:
 * gate on them, and print them as text, JSON, SARIF or JUnit.
 */
export class Findings {
  /**
   * Whether any finding is at least as bad as `failOn` (what a CI gate fails
   * on; refused and data-loss count as errors).
   *
   * @param findings the findings of `StorageCheck.check` or `StorageGuard.compare`
   * @param failOn the least severity that fails: the CLI's default is Severity.WARNING for check, Severity.ERROR for guard
   */
  public static isBlocking(findings: Finding[], failOn: Severity): boolean {
    return anyBlocking(findings, failOn, 'Findings.isBlocking');
  }

  /**
   * The findings as the CLI prints them with `--format`.
   *
   * @param findings the findings of `StorageCheck.check` or `StorageGuard.compare`
   * @param options the format and the command that found them
   */
  public static report(findings: Finding[], options: FindingReportOptions): string {
    const where = 'Findings.report';
    const command = COMMANDS[options?.command];
    if (!command) {
      throw unknownCommand(where, `options.command is ${JSON.stringify(options?.command)}, expected FindingCommand.CHECK or FindingCommand.GUARD`);
    }
    const failOn = checkFailOn(options.failOn ?? command.defaultFailOn, where);
    checkFindings(findings, where);
    return renderReport(options.format, { command: command.name, rules: command.rules, findings, failOn, judged: `${findings.length} findings` }, where);
  }

  private constructor() {}
}

function unknownCommand(where: string, problem: string): Error {
  return inputError(where, `${problem}. Fix: pass the command that found the findings`);
}
