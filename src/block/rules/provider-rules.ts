import { Size } from 'cdk8s';
import { invalid } from '../../core/errors';

/**
 * What one block-storage driver accepts, stated once per provider
 * (storage-facts.md section 6) and applied by BlockStorage to every claim.
 */
export interface ProviderRules {
  /** For messages: "AWS EBS". */
  readonly label: string;
  readonly provisioner: string;
  readonly parameters: { [key: string]: string };
  /** The node label key of the driver's zones, if this library models zones for it. */
  readonly topologyKey?: string;
  /** The driver silently enlarges smaller volumes to this size. */
  readonly minimumSize?: Size;
  readonly maximumSize?: Size;
  /** Why raw-block multi-attach (ReadWriteMany) is not served, or undefined when it is. */
  readonly multiAttachProblem?: string;
}

/** Throws unless `value` is a whole number from `min` to `max`. */
export function requireInteger(value: number | undefined, min: number, max: number, where: string, prop: string): void {
  if (value !== undefined && (!Number.isInteger(value) || value < min || value > max)) {
    throw invalid({ where, prop, value, allowed: `a whole number from ${min} to ${max}`, fix: `set ${prop} within that range` });
  }
}
