import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { StorageMap } from '../src';
import { README, SVG, exampleManifests, exampleSvg, withMermaid } from './helpers/readme-map';

/**
 * The HTML page in a real browser: Debian's chromium, headless. CI installs
 * it (.ci/run); elsewhere the test is skipped when it is missing (README:
 * `apt-get install chromium`).
 */
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const browser = existsSync(CHROMIUM) || process.env.CI ? test : test.skip;
/** The flags this machine's closed network needs (no background connections), and a fresh profile. */
const flags = (profile: string) => ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`];

/** The example app whose map has the most boxes. */
function largestExample(): string {
  const examples = readdirSync(join(__dirname, '..', 'examples'), { withFileTypes: true })
    .filter(d => d.isDirectory() && existsSync(join(__dirname, '..', 'examples', d.name, 'main.ts'))).map(d => d.name);
  const boxes = (name: string) => (StorageMap.mermaid(exampleManifests(name)).match(/^\s+n\d+\[|^\s+n\d+\(/gm) ?? []).length;
  return examples.map(name => ({ name, boxes: boxes(name) })).sort((a, b) => b.boxes - a.boxes)[0].name;
}

browser('the page of the largest example opens in chromium, its SVG holds every claim, class and driver, and a screenshot is taken', async () => {
  const largest = largestExample();
  const manifests = exampleManifests(largest);
  const dir = mkdtempSync(join(tmpdir(), 'map-browser-'));
  const page = join(dir, 'map.html');
  writeFileSync(page, await StorageMap.html(manifests, { title: `examples/${largest}` }));
  const dom = execFileSync(CHROMIUM, [...flags(join(dir, 'profile')), '--dump-dom', `file://${page}`], { encoding: 'utf-8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 60_000 });
  const texts = [...dom.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map(m => m[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
  const expected = [
    ...manifests.filter(m => m.kind === 'PersistentVolumeClaim').map(m => `PVC ${m.metadata.name}`),
    ...manifests.filter(m => m.kind === 'StatefulSet').flatMap(m => (m.spec.volumeClaimTemplates ?? []).map((t: any) => `claim template ${t.metadata.name}`)),
    ...manifests.filter(m => m.kind === 'StorageClass').map(m => `StorageClass ${m.metadata.name}`),
    ...manifests.filter(m => m.kind === 'StorageClass').map(m => m.provisioner),
  ];
  expect(expected.length).toBeGreaterThan(5);
  expect(expected.filter(e => !texts.includes(e))).toEqual([]);
  const screenshot = join(__dirname, '..', 'test-reports', 'storage-map.png');
  mkdirSync(join(__dirname, '..', 'test-reports'), { recursive: true });
  execFileSync(CHROMIUM, [...flags(join(dir, 'profile')), '--window-size=1600,1200', `--screenshot=${screenshot}`, `file://${page}`], { stdio: 'ignore', timeout: 60_000 });
  expect(readFileSync(screenshot).subarray(1, 4).toString()).toBe('PNG');
  expect(statSync(screenshot).size).toBeGreaterThan(20_000);
}, 120_000);

test('the README\'s picture and its Mermaid source are the map of the example as drawn today (npx projen readme-map)', async () => {
  expect(readFileSync(SVG, 'utf-8')).toBe(await exampleSvg());
  const readme = readFileSync(README, 'utf-8');
  expect(readme).toBe(withMermaid(readme));
});
