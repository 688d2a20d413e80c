import { invalid } from './errors';

/**
 * Mount options are not validated by Kubernetes (a bad one fails at mount);
 * an empty one is certainly wrong.
 */
export function checkMountOptions(options: string[] | undefined, where: string): string[] | undefined {
  if (options?.some(o => o.trim().length === 0)) {
    throw invalid({ where, prop: 'mountOptions', value: options, allowed: 'non-empty options', fix: 'remove the empty entries' });
  }
  return options && options.length > 0 ? options : undefined;
}
