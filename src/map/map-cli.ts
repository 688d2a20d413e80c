import { readFileSync, writeFileSync } from 'fs';
import { MapFormat, StorageMap } from './storage-map';
import { CliIo } from '../analysis/command-line';
import { StorageErrors } from '../core/errors';
import { ManifestInputError, readManifests, readStdin } from '../manifests/files';

export const MAP_USAGE = `usage: cdk8s-storage map <dir|file|-> ... [--format mermaid|dot|html] [--title <text>] [--output <file>]

Draws the storage of any Kubernetes manifests: workloads, claims and claim templates,
classes, drivers, PVs and their nodes or zones, snapshots, with access modes, sizes,
binding modes and reclaim policies, each object coloured by its worst check finding.
  --format <format>     mermaid (default; GitHub and GitLab draw it), dot, or html (a
                        self-contained page with the SVG inline)
  --title <text>        the page's title
  --output <file>       write the map to a file instead of standard output
Exit status: 0 drawn, 2 bad input.`;

const FORMATS = Object.values(MapFormat) as string[];

/** Runs `cdk8s-storage map <args>`: the map on standard output or in a file. */
export async function runMapCli(args: string[], io: CliIo): Promise<number> {
  try {
    const { paths, format, title, output } = parseMapArgs(args);
    const manifests = paths.flatMap(path => (path === '-' ? readStdin(io.stdin ?? (() => readFileSync(0, 'utf-8'))) : readManifests(path)));
    const map = await StorageMap.render(manifests, format, { title });
    if (output) writeFileSync(output, map);
    else io.out(map.replace(/\n$/, ''));
    return 0;
  } catch (e) {
    if (e instanceof ManifestInputError || StorageErrors.isStorageValidationError(e)) {
      io.err(`cdk8s-storage map: ${(e as Error).message}`);
      return 2;
    }
    throw e;
  }
}

function parseMapArgs(args: string[]): { paths: string[]; format: MapFormat; title?: string; output?: string } {
  const paths: string[] = [];
  const values: { [flag: string]: string } = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (['--format', '--title', '--output'].includes(arg)) {
      if (args[i + 1] === undefined) throw new ManifestInputError(`${arg} needs a value\n${MAP_USAGE}`);
      values[arg] = args[++i];
    } else if (arg.startsWith('--')) {
      throw new ManifestInputError(`unknown option "${arg}"\n${MAP_USAGE}`);
    } else {
      paths.push(arg);
    }
  }
  if (paths.length === 0) throw new ManifestInputError(`give a directory, a file, or - for standard input\n${MAP_USAGE}`);
  const format = values['--format'] ?? MapFormat.MERMAID;
  if (!FORMATS.includes(format)) throw new ManifestInputError(`--format ${format}: use one of ${FORMATS.join(', ')}\n${MAP_USAGE}`);
  return { paths, format: format as MapFormat, title: values['--title'], output: values['--output'] };
}
