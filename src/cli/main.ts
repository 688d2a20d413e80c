import { CliIo } from '../analysis/command-line';
import { CHECK_USAGE, runCheckCli } from '../check/check-cli';
import { GUARD_USAGE, runGuardCli } from '../guard/guard-cli';
import { MAP_USAGE, runMapCli } from '../map/map-cli';

const COMMANDS: { readonly [name: string]: (args: string[], io: CliIo) => number } = {
  check: runCheckCli,
  guard: runGuardCli,
};

/**
 * Runs `cdk8s-storage <command> <args>` and returns the exit status; `map`
 * draws with WebAssembly, so it answers with a promise of the status.
 */
export function runCli(args: string[], io: CliIo): number | Promise<number> {
  const [command, ...rest] = args;
  if (command === 'map') return runMapCli(rest, io);
  const run = COMMANDS[command];
  if (run) return run(rest, io);
  const usage = `${GUARD_USAGE}\n\n${CHECK_USAGE}\n\n${MAP_USAGE}`;
  if (command === 'help' || command === '--help' || command === '-h') {
    io.out(usage);
    return 0;
  }
  io.err(`cdk8s-storage: ${command === undefined ? 'give a command' : `unknown command "${command}"`}: ${[...Object.keys(COMMANDS), 'map'].join(', ')}\n${usage}`);
  return 2;
}
