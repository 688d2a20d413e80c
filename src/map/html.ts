import { toDot } from './render';
import { StorageGraph } from './storage-graph';

/**
 * A self-contained HTML page: the map laid out by Graphviz compiled to
 * WebAssembly (@viz-js/viz, no system Graphviz), its SVG inline, so the page
 * opens offline and can be kept next to the synthesized YAML.
 */
export async function toHtml(graph: StorageGraph, title: string): Promise<string> {
  // Loaded when a page is drawn (the other formats need no WebAssembly), by require: the package's CommonJS build.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { instance } = require('@viz-js/viz') as VizModule;
  const viz = await instance();
  const svg = viz.renderString(toDot(graph, title), { format: 'svg' });
  const counts = ['claim', 'template', 'class', 'volume', 'workload'].map(kind => `${graph.nodes.filter(n => n.kind === kind && !n.missing).length} ${LABELS[kind]}`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escape(title)}</title>
<style>
  body { font-family: Helvetica, Arial, sans-serif; margin: 1.5rem; color: #263238; }
  h1 { font-size: 1.3rem; margin: 0 0 .3rem; }
  p { margin: .2rem 0 1rem; font-size: .9rem; }
  .key span { display: inline-block; padding: .1rem .5rem; margin-right: .5rem; border-radius: .3rem; border: 2px solid; }
  .map svg { max-width: 100%; height: auto; }
</style>
</head>
<body>
<h1>${escape(title)}</h1>
<p>${escape(counts.join(' · '))}</p>
<p class="key"><span style="background:#fde0e0;border-color:#c62828">error: refused or never works</span><span style="background:#fff3cd;border-color:#d98e04">warning</span><span style="border-style:dashed;border-color:#607d8b">named, not in the manifests</span></p>
<div class="map">
${svg.replace(/^<\?xml[^>]*>\s*(<!DOCTYPE[^>]*>\s*)?/, '')}
</div>
</body>
</html>
`;
}

/** The part of @viz-js/viz used here (its types are ESM-only). */
interface VizModule {
  instance(): Promise<{ renderString(dot: string, options: { format: 'svg' }): string }>;
}

const LABELS: { readonly [kind: string]: string } = { claim: 'claims', template: 'claim templates', class: 'classes', volume: 'PVs', workload: 'workloads' };

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
