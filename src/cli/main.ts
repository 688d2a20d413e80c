import { CliIo } from '../analysis/command-line';
import { CHECK_USAGE, runCheckCli } from '../check/check-cli';
import { GUARD_USAGE, runGuardCli } from '../guard/guard-cli';

const COMMANDS: { readonly [name: string]: (args: string[], io: CliIo) => number } = {
  check: runCheckCli,
  guard: runGuardCli,
};

/** Runs `cdk8s-storage <command> <args>` and returns the exit status. */
export function runCli(args: string[], io: CliIo): number {
  const [command, ...rest] = args;
  const run = COMMANDS[command];
  if (run) return run(rest, io);
  const usage = `${GUARD_USAGE}\n\n${CHECK_USAGE}`;
  if (command === 'help' || command === '--help' || command === '-h') {
    io.out(usage);
    return 0;
  }
  io.err(`cdk8s-storage: ${command === undefined ? 'give a command' : `unknown command "${command}"`}: ${Object.keys(COMMANDS).join(' or ')}\n${usage}`);
  return 2;
}
