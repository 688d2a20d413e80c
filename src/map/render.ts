import { MapNode, StorageGraph } from './storage-graph';
import { Severity } from '../analysis/severity';

/** Fill and stroke of a box by its worst finding: red for what fails, amber for warnings. */
const COLOURS: { readonly [severity: string]: { readonly fill: string; readonly stroke: string } } = {
  [Severity.REFUSED]: { fill: '#fde0e0', stroke: '#c62828' },
  [Severity.DATA_LOSS]: { fill: '#fde0e0', stroke: '#c62828' },
  [Severity.ERROR]: { fill: '#fde0e0', stroke: '#c62828' },
  [Severity.WARNING]: { fill: '#fff3cd', stroke: '#d98e04' },
};
const KIND_FILL: { readonly [kind: string]: string } = {
  'workload': '#e3f2fd',
  'claim': '#ffffff',
  'template': '#ffffff',
  'class': '#ede7f6',
  'driver': '#eceff1',
  'volume': '#f1f8e9',
  'node': '#fafafa',
  'zone': '#fafafa',
  'snapshot': '#e0f7fa',
  'snapshot-class': '#e0f7fa',
};

/** The namespaces of the graph in first-seen order ('' holds the cluster-scoped objects). */
function byNamespace(graph: StorageGraph): Map<string, MapNode[]> {
  const groups = new Map<string, MapNode[]>();
  for (const node of graph.nodes) {
    const list = groups.get(node.namespace) ?? [];
    list.push(node);
    groups.set(node.namespace, list);
  }
  return groups;
}

/** Short, stable ids for the renderers (object ids hold "/" and ":"). */
function shortIds(graph: StorageGraph): Map<string, string> {
  return new Map(graph.nodes.map((n, i) => [n.id, `n${i}`]));
}

/** Mermaid, which GitHub and GitLab draw in Markdown. */
export function toMermaid(graph: StorageGraph): string {
  const ids = shortIds(graph);
  const text = (s: string) => s.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
  const box = (n: MapNode) => {
    const label = n.lines.filter(Boolean).map(text).join('<br/>');
    return n.kind === 'driver' || n.kind === 'node' || n.kind === 'zone' ? `${ids.get(n.id)}(["${label}"])` : `${ids.get(n.id)}["${label}"]`;
  };
  const lines = ['flowchart LR'];
  for (const [namespace, nodes] of byNamespace(graph)) {
    if (namespace === '') {
      nodes.forEach(n => lines.push(`  ${box(n)}`));
    } else {
      lines.push(`  subgraph ns_${ids.get(nodes[0].id)}["namespace ${text(namespace)}"]`);
      nodes.forEach(n => lines.push(`    ${box(n)}`));
      lines.push('  end');
    }
  }
  for (const e of graph.edges) lines.push(`  ${ids.get(e.from)} -->${e.label ? `|${text(e.label)}|` : ''} ${ids.get(e.to)}`);
  lines.push('  classDef error fill:#fde0e0,stroke:#c62828,stroke-width:2px');
  lines.push('  classDef warning fill:#fff3cd,stroke:#d98e04,stroke-width:2px');
  lines.push('  classDef missing stroke-dasharray:4 3');
  for (const style of ['error', 'warning', 'missing']) {
    const members = graph.nodes.filter(n => classOf(n).includes(style)).map(n => ids.get(n.id));
    if (members.length > 0) lines.push(`  class ${members.join(',')} ${style}`);
  }
  return `${lines.join('\n')}\n`;
}

function classOf(n: MapNode): string[] {
  const severity = n.severity === Severity.WARNING ? 'warning' : n.severity && COLOURS[n.severity] ? 'error' : undefined;
  return [...(severity ? [severity] : []), ...(n.missing ? ['missing'] : [])];
}

/** Graphviz DOT: one cluster per namespace, the cluster-scoped objects outside. */
export function toDot(graph: StorageGraph, title = 'storage'): string {
  const ids = shortIds(graph);
  // DOT strings: backslashes and quotes escaped, line breaks as \n (centred lines).
  const quote = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
  const box = (n: MapNode) => {
    const colour = n.severity ? COLOURS[n.severity] : undefined;
    const attrs = [
      `label=${quote(n.lines.filter(Boolean).join('\n'))}`,
      `fillcolor=${quote(colour?.fill ?? KIND_FILL[n.kind])}`,
      `color=${quote(colour?.stroke ?? '#607d8b')}`,
      ...(colour ? ['penwidth=2'] : []),
      ...(n.missing ? ['style="rounded,filled,dashed"'] : []),
      ...(n.kind === 'driver' || n.kind === 'node' || n.kind === 'zone' ? ['shape=ellipse'] : []),
      `tooltip=${quote(n.severity ? `${n.id}: ${n.severity}` : n.id)}`,
    ];
    return `${ids.get(n.id)} [${attrs.join(', ')}];`;
  };
  const lines = [`digraph ${quote(title)} {`, '  rankdir=LR;', '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=10];',
    '  edge [fontname="Helvetica", fontsize=9, color="#78909c"];'];
  for (const [namespace, nodes] of byNamespace(graph)) {
    if (namespace === '') {
      nodes.forEach(n => lines.push(`  ${box(n)}`));
    } else {
      lines.push(`  subgraph ${quote(`cluster_${namespace}`)} {`, `    label=${quote(`namespace ${namespace}`)};`, '    style="rounded"; color="#b0bec5"; fontname="Helvetica";');
      nodes.forEach(n => lines.push(`    ${box(n)}`));
      lines.push('  }');
    }
  }
  for (const e of graph.edges) lines.push(`  ${ids.get(e.from)} -> ${ids.get(e.to)}${e.label ? ` [label=${quote(e.label)}]` : ''};`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
