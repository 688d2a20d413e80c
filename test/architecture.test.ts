/**
 * The layers of docs/architecture.md, held by the imports themselves: imports
 * only go down, check and guard meet only in the layers below them, and the
 * reading half knows the backends only through the driver registry.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative, resolve, dirname } from 'path';

const SRC = join(__dirname, '..', 'src');
const BACKENDS = ['local', 'block', 'nfs', 'efs', 'spdk', 'stateful'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Each source file's layer (its top folder, or the file at src/) and the layers it imports. */
const IMPORTS = files(SRC).map(file => {
  const layerOf = (path: string) => relative(SRC, path).split(/[\\/]/)[0].replace(/\.ts$/, '');
  const imported = [...readFileSync(file, 'utf-8').matchAll(/from '(\.[^']+)'/g)].map(([, spec]) => layerOf(resolve(dirname(file), spec)));
  return { file: relative(SRC, file), layer: layerOf(file), imports: [...new Set(imported)].filter(l => l !== layerOf(file)) };
});

/** Every file of `layers` that imports one of `forbidden`: the test expects none. */
const violations = (layers: string[], forbidden: string[]) => IMPORTS
  .filter(f => layers.includes(f.layer))
  .flatMap(f => f.imports.filter(l => forbidden.includes(l)).map(l => `${f.file} imports ${l}`));

test('core knows no backend and nothing of the reading half', () => {
  expect(violations(['core'], [...BACKENDS, 'drivers', 'manifests', 'analysis', 'check', 'guard', 'cli', 'findings', 'map'])).toEqual([]);
});

test('constructs never import the reading half', () => {
  expect(violations(BACKENDS, ['manifests', 'analysis', 'check', 'guard', 'cli', 'findings', 'drivers'])).toEqual([]);
});

test('the manifest layer and the analysis layer sit below both engines', () => {
  expect(violations(['manifests'], [...BACKENDS, 'drivers', 'analysis', 'check', 'guard', 'cli', 'findings'])).toEqual([]);
  expect(violations(['analysis'], [...BACKENDS, 'drivers', 'check', 'guard', 'cli', 'findings'])).toEqual([]);
});

test('check and guard do not import each other, and check knows backends only through the registry', () => {
  expect(violations(['check'], ['guard', 'cli', 'findings', ...BACKENDS])).toEqual([]);
  expect(violations(['guard'], ['check', 'cli', 'findings', 'drivers', ...BACKENDS])).toEqual([]);
});

test('the map draws on check, and nothing below it knows the map', () => {
  expect(violations(['map'], ['guard', 'cli', 'findings', ...BACKENDS])).toEqual([]);
  expect(violations(['core', 'manifests', 'analysis', 'check', 'guard', 'drivers', ...BACKENDS], ['map', 'plugin'])).toEqual([]);
});

test('the test sees every layer', () => {
  expect([...new Set(IMPORTS.map(f => f.layer))].sort()).toEqual(
    ['analysis', 'block', 'check', 'cli', 'core', 'drivers', 'efs', 'findings', 'guard', 'index', 'local', 'manifests', 'map', 'nfs', 'plugin', 'spdk', 'stateful']);
});
