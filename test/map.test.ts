import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { MapFormat, StorageCheckPlugin, StorageMap } from '../src';
import { runCli } from '../src/cli/main';
import { readManifests } from '../src/manifests/files';

const claim = (name: string, spec: any, namespace = 'shop') => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name, namespace },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } }, ...spec },
});
const gp3 = {
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: { name: 'gp3' },
  provisioner: 'ebs.csi.aws.com',
  parameters: { type: 'gp3' },
  reclaimPolicy: 'Retain',
  volumeBindingMode: 'WaitForFirstConsumer',
};
const web = (claimName: string, replicas: number) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop' },
  spec: {
    replicas,
    strategy: { type: 'Recreate' },
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: {
        containers: [{ name: 'web', image: 'nginx:1.27', volumeMounts: [{ name: 'data', mountPath: '/data' }] }],
        volumes: [{ name: 'data', persistentVolumeClaim: { claimName } }],
      },
    },
  },
});

describe('StorageMap', () => {
  test('Mermaid: namespaces as subgraphs, labels with modes, sizes and policies, findings as colours', () => {
    // Two replicas on a ReadWriteOnce claim: write-once-claim-shared, a warning.
    expect(StorageMap.mermaid([gp3, claim('data', { storageClassName: 'gp3' }), web('data', 2)])).toBe([
      'flowchart LR',
      '  subgraph ns_n0["namespace shop"]',
      '    n0["Deployment web<br/>× 2"]',
      '    n1["PVC data<br/>RWO · 10Gi"]',
      '  end',
      '  n2["StorageClass gp3<br/>WaitForFirstConsumer · Retain"]',
      '  n3(["ebs.csi.aws.com<br/>AWS EBS"])',
      '  n0 -->|mounts| n1',
      '  n1 -->|RWO| n2',
      '  n2 -->|provisioned by| n3',
      '  classDef error fill:#fde0e0,stroke:#c62828,stroke-width:2px',
      '  classDef warning fill:#fff3cd,stroke:#d98e04,stroke-width:2px',
      '  classDef missing stroke-dasharray:4 3',
      '  class n0 warning',
      '',
    ].join('\n'));
  });

  test('an error is red, a named object missing from the manifests is dashed, the cluster\'s default class stands in for an unnamed one', () => {
    const mermaid = StorageMap.mermaid([claim('shared', { storageClassName: 'gp3', accessModes: ['ReadWriteMany'] }), gp3, web('elsewhere', 1)]);
    expect(mermaid).toContain('n1["PVC elsewhere<br/>not in these manifests"]');
    expect(mermaid).toContain('class n1 missing');
    expect(mermaid).toMatch(/class n\d+ error/);
    expect(StorageMap.mermaid([claim('data', {})])).toContain('["the cluster\'s default class"]');
  });

  test('a StatefulSet\'s claim template is drawn once, with its replica count; PVs point at the node that holds them', () => {
    const sts = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db', namespace: 'shop' },
      spec: {
        serviceName: 'db',
        replicas: 3,
        selector: { matchLabels: { app: 'db' } },
        template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'db', image: 'postgres:17' }] } },
        volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { storageClassName: 'local', accessModes: ['ReadWriteOncePod'], resources: { requests: { storage: '100Gi' } } } }],
      },
    };
    const local = { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'local' }, provisioner: 'kubernetes.io/no-provisioner', volumeBindingMode: 'WaitForFirstConsumer', reclaimPolicy: 'Retain' };
    const pv = {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: 'disk-a' },
      spec: {
        capacity: { storage: '200Gi' },
        accessModes: ['ReadWriteOncePod'],
        persistentVolumeReclaimPolicy: 'Retain',
        storageClassName: 'local',
        local: { path: '/mnt/a' },
        nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['node-1'] }] }] } },
      },
    };
    const dot = StorageMap.dot([sts, local, pv], { title: 'db' });
    expect(dot).toContain('label="claim template data\\n× 3\\nRWOP · 100Gi"');
    expect(dot).toContain('label="PV disk-a\\n200Gi · Retain · local /mnt/a"');
    expect(dot).toContain('label="node node-1"');
    expect(dot).toMatch(/subgraph "cluster_shop" \{/);
    expect(dot.startsWith('digraph "db" {')).toBe(true);
  });

  test('HTML: a self-contained page whose SVG holds every claim, class and driver', async () => {
    const html = await StorageMap.html([gp3, claim('data', { storageClassName: 'gp3' }), web('data', 1)], { title: 'shop <storage>' });
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<title>shop &lt;storage&gt;</title>');
    expect(html).toMatch(/<svg[^>]*>/);
    for (const text of ['PVC data', 'StorageClass gp3', 'ebs.csi.aws.com', 'Deployment web']) expect(html).toContain(`>${text}</text>`);
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
  });

  test('bad input is an error naming the call, not a crash', async () => {
    expect(() => StorageMap.mermaid('x' as any)).toThrow(/^StorageMap\.mermaid manifests: expected a list of manifests, got string/);
    await expect(StorageMap.render([], 'png' as any)).rejects.toThrow('StorageMap.render: invalid format "png". Allowed: mermaid, dot, html');
  });
});

describe('cdk8s-storage map', () => {
  const dir = join(__dirname, '..', 'examples', 'storage-check', 'third-party');
  const run = async (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const status = await runCli(['map', ...args], { out: s => out.push(s), err: s => err.push(s) });
    return { status, out: out.join('\n'), err: err.join('\n') };
  };

  test('prints Mermaid by default, DOT and HTML on request, and writes a file with --output', async () => {
    const manifests = readManifests(dir);
    expect((await run([dir])).out).toBe(StorageMap.mermaid(manifests).trimEnd());
    expect((await run([dir, '--format', 'dot'])).out).toBe(StorageMap.dot(manifests).trimEnd());
    const file = join(mkdtempSync(join(tmpdir(), 'map-')), 'map.html');
    expect(await run([dir, '--format', MapFormat.HTML, '--title', 'wiki', '--output', file])).toEqual({ status: 0, out: '', err: '' });
    expect(readFileSync(file, 'utf-8')).toContain('<title>wiki</title>');
  });

  test('exit 2 on bad input', async () => {
    expect((await run([])).status).toBe(2);
    expect(await run([dir, '--format', 'png'])).toMatchObject({ status: 2, err: expect.stringMatching(/^cdk8s-storage map: --format png: use one of mermaid, dot, html/) });
    expect(await run(['/nonexistent'])).toMatchObject({ status: 2 });
    expect(await run([dir, '--frmat', 'dot'])).toMatchObject({ status: 2, err: expect.stringContaining('unknown option "--frmat"') });
  });
});

describe('StorageCheckPlugin map: the map written next to the synthesized YAML', () => {
  const report = () => ({ addViolation: () => undefined, submit: () => undefined });

  test.each([
    ['storage-map.html', /^<!doctype html>[\s\S]*<svg/],
    ['storage-map.mmd', /^flowchart LR\n/],
    ['storage-map.dot', /^digraph "cdk8s synth: storage map" \{/],
  ])('%s', async (file, content) => {
    const dist = mkdtempSync(join(tmpdir(), 'dist-'));
    const yaml = join(dist, 'app.k8s.yaml');
    writeFileSync(yaml, readFileSync(join(__dirname, '..', 'examples', 'storage-check', 'third-party', 'legacy-wiki.yaml'), 'utf-8'));
    await new StorageCheckPlugin({ mapFile: file }).validate({ manifests: [yaml], report: report() });
    expect(readFileSync(join(dist, file), 'utf-8')).toMatch(content);
  });

  test('a file name the map cannot be drawn into is refused when the plugin is made', () => {
    expect(() => new StorageCheckPlugin({ mapFile: 'storage-map.png' })).toThrow(
      'StorageCheckPlugin (cdk8s.yaml validations properties): invalid mapFile "storage-map.png". Allowed: a file name ending in .html, .mmd, .mermaid, .dot, .gv');
  });
});
