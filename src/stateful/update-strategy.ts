import { Schema, checkProps, num, optional, requireInteger } from '../core/checks';
import { KubeJson } from '../core/kube-json';

/** Options of a rolling update. */
export interface RollingUpdateOptions {
  /**
   * Only pods with an ordinal of at least this value are updated (staged rollouts, canaries).
   *
   * @default 0 - every pod is updated
   */
  readonly partition?: number;
}

const ROLLING_UPDATE_OPTIONS: Schema<RollingUpdateOptions> = { partition: optional(num()) };

/**
 * How a StatefulStore's pods are replaced when the pod template changes.
 *
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#update-strategies
 */
export class StoreUpdateStrategy {
  /** Replace pods one at a time, from the highest ordinal down. */
  public static rollingUpdate(options: RollingUpdateOptions = {}): StoreUpdateStrategy {
    const partition = checkProps('StoreUpdateStrategy.rollingUpdate()', options, ROLLING_UPDATE_OPTIONS, 'RollingUpdateOptions').partition;
    requireInteger('StoreUpdateStrategy.rollingUpdate()', 'partition', partition, { min: 0, fix: 'use 0 to update every pod, or the lowest ordinal to update' });
    return new StoreUpdateStrategy(partition === undefined ? { type: 'RollingUpdate' } : { type: 'RollingUpdate', rollingUpdate: { partition } });
  }

  /** Replace a pod only when it is deleted by hand. */
  public static onDelete(): StoreUpdateStrategy {
    return new StoreUpdateStrategy({ type: 'OnDelete' });
  }

  private constructor(private readonly strategy: KubeJson) {}

  /** @internal */
  public _toKube(): KubeJson {
    return this.strategy;
  }
}
