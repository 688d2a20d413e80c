import { Manifest } from '../manifests/manifest';

/**
 * What the guard's rules judge: two versions of a set of manifests, indexed
 * by identity, with the objects present in both grouped by kind once, so
 * that every rule visits only the objects of its kind.
 */
export class Change {
  private readonly byKind = new Map<string, Array<readonly [Manifest, Manifest]>>();

  /**
   * @param previous the manifests now deployed, by object key
   * @param current the manifests about to replace them, by object key
   */
  constructor(public readonly previous: ReadonlyMap<string, Manifest>, public readonly current: ReadonlyMap<string, Manifest>) {
    for (const [key, old] of previous) {
      const next = current.get(key);
      if (!next) continue;
      const pairs = this.byKind.get(old.kind!);
      if (pairs) pairs.push([old, next]);
      else this.byKind.set(old.kind!, [[old, next]]);
    }
  }

  /** The objects of `kind` in both versions, as [previous, current], in the order of the previous manifests. */
  public pairs(kind: string): ReadonlyArray<readonly [Manifest, Manifest]> {
    return this.byKind.get(kind) ?? [];
  }
}
