import { execFileSync } from 'child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'fs';
import { join, relative } from 'path';
import { CORE_SCHEMA, loadAll } from 'js-yaml';
import { Manifest } from './manifest';

/** Input the guard cannot read: a clear message, and exit status 2. */
export class ManifestInputError extends Error {}

const MANIFEST_FILE = /\.(ya?ml|json)$/;

/** Every manifest in a file, or in the YAML/JSON files below a directory (sorted, so reports are stable). */
export function readManifests(path: string): Manifest[] {
  if (!existsSync(path)) throw new ManifestInputError(`${path}: no such file or directory`);
  const files = statSync(path).isDirectory() ? manifestFiles(path) : [path];
  if (files.length === 0) throw new ManifestInputError(`${path}: no .yaml, .yml or .json files in this directory`);
  return files.flatMap(file => parseManifests(readFileSync(file, 'utf-8'), file));
}

/** The manifests under `path` as they were at git revision `rev` (for comparing with a committed output directory). */
export function readManifestsAtRevision(path: string, rev: string): Manifest[] {
  const git = (args: string[], cwd: string) => {
    try {
      return execFileSync('git', args, { cwd, encoding: 'utf-8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
    } catch (e: any) {
      throw new ManifestInputError(`git ${args.join(' ')}: ${String(e.stderr || e.message).trim()}`);
    }
  };
  if (!existsSync(path)) throw new ManifestInputError(`${path}: no such file or directory`);
  const dir = statSync(path).isDirectory() ? path : join(path, '..');
  const top = git(['rev-parse', '--show-toplevel'], dir).trim();
  const prefix = relative(top, path).split('\\').join('/');
  const files = git(['ls-tree', '-r', '--name-only', rev, '--', prefix || '.'], top).split('\n').filter(f => MANIFEST_FILE.test(f)).sort();
  if (files.length === 0) throw new ManifestInputError(`${path}: no .yaml, .yml or .json files at revision ${rev}`);
  return files.flatMap(file => parseManifests(git(['show', `${rev}:${file}`], top), `${rev}:${file}`));
}

/** Parses every document of a YAML (or JSON) text; each must be an object with a kind and a metadata.name. */
export function parseManifests(text: string, source: string): Manifest[] {
  let documents: unknown[];
  try {
    // The YAML 1.2 core schema: no timestamps turned into dates, no yes/no booleans.
    documents = loadAll(text, undefined, { schema: CORE_SCHEMA });
  } catch (e) {
    throw new ManifestInputError(`${source}: not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  const manifests: Manifest[] = [];
  for (const [i, value] of documents.entries()) {
    if (value === null || value === undefined) continue;
    const m = value as Manifest;
    if (typeof m !== 'object' || Array.isArray(m) || !m.kind || !m.metadata?.name) {
      throw new ManifestInputError(`${source}: document ${i + 1} is not a Kubernetes object (it needs kind and metadata.name)`);
    }
    manifests.push(m);
  }
  return manifests;
}

function manifestFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name)).flatMap(entry => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return manifestFiles(path);
    return MANIFEST_FILE.test(entry.name) ? [path] : [];
  });
}
