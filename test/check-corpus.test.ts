import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { StorageCheck } from '../src';
import { readManifests } from '../src/manifests/files';

/**
 * `check` on 70 public manifests nobody here wrote (test/corpus; each file's
 * repository, path and commit in SOURCES.json). Every finding was judged by
 * hand (EXPECTED.json says why it is right); the test fails on any finding
 * that is not there (a new false alarm) and on any that is missing (a miss).
 */
const CORPUS = join(__dirname, 'corpus');
const SOURCES: Array<{ file: string; repo: string; path: string; commit: string; url: string }> = JSON.parse(readFileSync(join(CORPUS, 'SOURCES.json'), 'utf-8'));
interface Expected {
  readonly findings: Array<{ finding: string; severity: string; why: string }>;
  readonly inputError?: { message: string; why: string };
}
const EXPECTED: { [file: string]: Expected } = JSON.parse(readFileSync(join(CORPUS, 'EXPECTED.json'), 'utf-8'));

/** One finding as EXPECTED.json names it. */
const name = (f: { ruleId: string; kind: string; namespaceName?: string; name: string; field: string }) =>
  `${f.ruleId} | ${f.kind} ${f.namespaceName ? `${f.namespaceName}/` : ''}${f.name} | ${f.field}`;

test('every corpus file has its source (repository, path, commit) and its judged expectation', () => {
  const files = readdirSync(CORPUS, { recursive: true, encoding: 'utf-8' }).filter(f => /\.ya?ml$/.test(f)).sort();
  expect(files.length).toBeGreaterThanOrEqual(60);
  expect(SOURCES.map(s => s.file).sort()).toEqual(files);
  expect(Object.keys(EXPECTED).sort()).toEqual(files);
  for (const s of SOURCES) {
    expect(s.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(s.url).toBe(`https://github.com/${s.repo}/blob/${s.commit}/${s.path}`);
  }
  // The sources kept for an independent check are not in this corpus.
  expect(SOURCES.filter(s => /^(kubernetes\/examples|kubernetes\/website|rook\/|longhorn\/|kubernetes-sigs\/sig-storage-local-static-provisioner)/.test(s.repo))).toEqual([]);
});

test.each(Object.keys(EXPECTED))('%s', file => {
  const expected = EXPECTED[file];
  const judge = () => StorageCheck.check(readManifests(join(CORPUS, file)));
  if (expected.inputError) {
    expect(judge).toThrow(expected.inputError.message);
    return;
  }
  const findings = judge();
  expect(findings.map(name).sort()).toEqual(expected.findings.map(f => f.finding).sort());
  for (const f of findings) expect(f.severity).toBe(expected.findings.find(e => e.finding === name(f))!.severity);
});
