import { toHtml } from './html';
import { toDot, toMermaid } from './render';
import { buildStorageGraph, StorageGraph } from './storage-graph';
import { StorageCheck } from '../check/storage-check';
import { checkArg, str } from '../core/checks';
import { invalid } from '../core/errors';
import { Inventory } from '../manifests/inventory';
import { indexManifests } from '../manifests/shape';

/** The forms a storage map is drawn in. */
export enum MapFormat {
  /** Mermaid, which GitHub and GitLab draw in Markdown and pull-request comments. */
  MERMAID = 'mermaid',
  /** Graphviz DOT. */
  DOT = 'dot',
  /** A self-contained HTML page with the SVG inline, laid out by Graphviz in WebAssembly. */
  HTML = 'html',
}

/** Options of a map. */
export interface MapOptions {
  /**
   * The page's title (HTML) or graph's name (DOT).
   *
   * @default "cdk8s-storage map"
   */
  readonly title?: string;
}

/**
 * A map of the storage in any manifests: workloads, claims and claim
 * templates, classes, drivers, PVs and the nodes or zones they are pinned to,
 * snapshots; each arrow and box labelled with access modes, sizes, binding
 * modes and reclaim policies, and each object coloured by its worst `check`
 * finding (red for errors, amber for warnings). Replicas are drawn once
 * (× 3), and objects are grouped by namespace.
 */
export class StorageMap {
  /** The map as Mermaid. */
  public static mermaid(manifests: any[]): string {
    return toMermaid(graphOf(manifests, 'StorageMap.mermaid'));
  }

  /** The map as Graphviz DOT. */
  public static dot(manifests: any[], options: MapOptions = {}): string {
    return toDot(graphOf(manifests, 'StorageMap.dot'), titleOf(options, 'StorageMap.dot'));
  }

  /** The map as a self-contained HTML page. */
  public static async html(manifests: any[], options: MapOptions = {}): Promise<string> {
    return toHtml(graphOf(manifests, 'StorageMap.html'), titleOf(options, 'StorageMap.html'));
  }

  /** The map in `format`. */
  public static async render(manifests: any[], format: MapFormat, options: MapOptions = {}): Promise<string> {
    switch (format) {
      case MapFormat.MERMAID: return StorageMap.mermaid(manifests);
      case MapFormat.DOT: return StorageMap.dot(manifests, options);
      case MapFormat.HTML: return StorageMap.html(manifests, options);
      default: throw invalid({ where: 'StorageMap.render', prop: 'format', value: format, allowed: Object.values(MapFormat).join(', '), fix: 'pass MapFormat.MERMAID, DOT or HTML' });
    }
  }

  private constructor() {}
}

/** The graph of `manifests`, each object coloured by the findings `check` gives them. */
export function graphOf(manifests: any[], caller: string): StorageGraph {
  const inv = new Inventory(indexManifests(manifests, `${caller} manifests`, 'manifests'));
  return buildStorageGraph(inv, StorageCheck.check(manifests));
}

function titleOf(options: MapOptions, where: string): string {
  return options?.title === undefined ? 'cdk8s-storage map' : checkArg(where, 'options.title', options.title, str('a title'));
}
