import { execFileSync } from 'child_process';
import { Dirent, Stats, lstatSync, readFileSync, readdirSync, realpathSync, statSync } from 'fs';
import { basename, join, relative } from 'path';
import { loadAll, State } from 'js-yaml';
import { Manifest } from './manifest';
import { recordSource } from './source';
import { KUBECTL_YAML_SCHEMA } from './yaml-schema';

/** Input that cannot be read: a clear message, and exit status 2. */
export class ManifestInputError extends Error {}

const MANIFEST_FILE = /\.(ya?ml|json)$/;

/** A manifest file larger than this is refused rather than read (GitOps outputs are a few MiB). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/**
 * Every manifest in a file, or in the YAML/JSON files below a directory
 * (sorted, so reports are stable). Symbolic links are followed; anything that
 * cannot be read is a ManifestInputError naming the path, never a skip.
 */
export function readManifests(path: string): Manifest[] {
  const files = statOf(path).isDirectory() ? manifestFiles(path, new Set()) : [path];
  if (files.length === 0) throw new ManifestInputError(`${path}: no .yaml, .yml or .json files in this directory`);
  return files.flatMap(file => manifestsOfFile(readText(file), file));
}

/**
 * cdk8s-cli writes `construct-metadata.json` (object name to construct path)
 * beside the manifests when a validation plugin runs; it is its own artifact,
 * not a manifest. Only a file of that name and that shape is skipped.
 */
function isConstructMetadata(file: string, text: string): boolean {
  if (basename(file) !== 'construct-metadata.json') return false;
  try {
    const value = JSON.parse(text);
    return typeof value === 'object' && value !== null && !('kind' in value) && typeof value.resources === 'object' && typeof value.version === 'string';
  } catch {
    return false;
  }
}

function manifestsOfFile(text: string, file: string): Manifest[] {
  return isConstructMetadata(file, text) ? [] : parseManifests(text, file);
}

/** stat (following links), with every failure as one line naming the path. */
function statOf(path: string): Stats {
  try {
    return statSync(path);
  } catch (e) {
    throw unreadable(path, e);
  }
}

/** The text of one input file (a manifest or the allow-list), with every failure as a ManifestInputError. */
export function readText(file: string): string {
  const stats = statOf(file);
  if (stats.isDirectory()) throw new ManifestInputError(`${file}: is a directory, not a manifest file`);
  if (stats.size > MAX_FILE_BYTES) throw new ManifestInputError(`${file}: ${stats.size} bytes, larger than the ${MAX_FILE_BYTES}-byte limit for one manifest file`);
  try {
    return readFileSync(file, 'utf-8');
  } catch (e) {
    throw unreadable(file, e);
  }
}

/** The reason a path cannot be read, in words. */
function unreadable(path: string, e: unknown): ManifestInputError {
  const code = (e as NodeJS.ErrnoException)?.code;
  const reason = code === 'ENOENT' ? (isDanglingLink(path) ? 'a symbolic link to nothing (dangling)' : 'no such file or directory')
    : code === 'ELOOP' ? 'a loop of symbolic links'
      : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
        : code === 'ENOTDIR' ? 'a part of the path is not a directory'
          : `cannot be read (${code ?? (e as Error)?.message})`;
  return new ManifestInputError(`${path}: ${reason}`);
}

function isDanglingLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
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
  const dir = statOf(path).isDirectory() ? path : join(path, '..');
  const top = git(['rev-parse', '--show-toplevel'], dir).trim();
  const prefix = relative(top, path).split('\\').join('/');
  const files = git(['ls-tree', '-r', '--name-only', rev, '--', prefix || '.'], top).split('\n').filter(f => MANIFEST_FILE.test(f)).sort();
  if (files.length === 0) throw new ManifestInputError(`${path}: no .yaml, .yml or .json files at revision ${rev}`);
  return files.flatMap(file => manifestsOfFile(git(['show', `${rev}:${file}`], top), `${rev}:${file}`));
}

/**
 * Parses every document of a YAML (or JSON) text; each must be an object.
 * Each object's file, document number and first line are recorded
 * (`locationOf`), so findings point to `file:line`.
 */
export function parseManifests(text: string, source: string): Manifest[] {
  let documents: unknown[];
  const startLines: number[] = [];
  const anchored: boolean[] = [];
  let depth = 0;
  try {
    // YAML as kubectl reads it (yaml-schema.ts): 0644 is octal, yes is true, timestamps stay strings.
    // js-yaml reports each node it opens and closes: the first node of a document gives its line (counted from 0).
    documents = loadAll(text, undefined, {
      schema: KUBECTL_YAML_SCHEMA,
      // Whether a document defined anchors decides whether it needs the alias-expansion check (shape.ts).
      listener: (event, state) => {
        if (event === 'open' && depth++ === 0) startLines.push(state.line + 1);
        else if (event === 'close' && --depth === 0) anchored.push(hasAnchors(state));
      },
    });
  } catch (e) {
    throw new ManifestInputError(`${source}: not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  const manifests: Manifest[] = [];
  for (const [i, value] of documents.entries()) {
    // An empty document (a trailing "---") holds nothing; anything else is checked by the engines.
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw new ManifestInputError(`${source}:${startLines[i]} document ${i + 1} is not a Kubernetes object (it needs kind and metadata.name)`);
    }
    recordSource(value, { file: source, line: startLines[i], document: i + 1 }, !anchored[i]);
    manifests.push(value as Manifest);
  }
  return manifests;
}

/** Whether the document js-yaml just parsed defined an anchor (its anchorMap is per document). */
function hasAnchors(state: State): boolean {
  const anchors = (state as State & { anchorMap?: object }).anchorMap;
  for (const _ in anchors) return true;
  return false;
}

/** The manifests on standard input (the path `-`), read by `read` (a test passes its own). */
export function readStdin(read: () => string): Manifest[] {
  let text: string;
  try {
    text = read();
  } catch (e) {
    throw new ManifestInputError(`standard input cannot be read (${(e as Error).message})`);
  }
  if (text.length > MAX_FILE_BYTES) throw new ManifestInputError(`standard input: larger than the ${MAX_FILE_BYTES}-byte limit`);
  const manifests = parseManifests(text, 'stdin');
  if (manifests.length === 0) throw new ManifestInputError('standard input: no manifests (an empty input is not clean, it is nothing)');
  return manifests;
}

/** The manifest files below `dir`; `visited` holds the real paths of the directories already walked, so a link loop ends in an error. */
function manifestFiles(dir: string, visited: Set<string>): string[] {
  const real = realPath(dir);
  if (visited.has(real)) throw new ManifestInputError(`${dir}: a loop of symbolic links (it leads back to ${real})`);
  visited.add(real);
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  } catch (e) {
    throw unreadable(dir, e);
  }
  return entries.flatMap(entry => {
    const path = join(dir, entry.name);
    if (entry.isFile()) return MANIFEST_FILE.test(entry.name) ? [path] : [];
    // A directory, or a link that may lead to one: a link that leads nowhere fails (it may have held manifests).
    if (entry.isDirectory() || statOf(path).isDirectory()) return manifestFiles(path, visited);
    return MANIFEST_FILE.test(entry.name) ? [path] : [];
  });
}

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch (e) {
    throw unreadable(path, e);
  }
}
