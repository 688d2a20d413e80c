import { Manifest } from './manifest';
import { inputError } from './shape';
import { sourceOf } from './source';
import { isPlainObject } from '../core/checks';
import { parseQuantity } from '../core/quantity';

/**
 * Fail-closed readers of fields the rules read beyond those the shape
 * check covers: a field of the wrong shape is an input error naming the
 * object and the field, never a crash in a rule or a silent "no finding".
 */

function wrong(m: Manifest, path: string, value: unknown, expected: string): never {
  throw inputError(sourceOf(m, `${m.kind} ${m.metadata?.name}`),
    `${m.kind} ${m.metadata?.name}: ${path} is ${JSON.stringify(value)}, expected ${expected}. Fix: correct the manifest`);
}

/** An object field, or undefined when absent. */
export function objectAt(m: Manifest, value: unknown, path: string): { [key: string]: any } | undefined {
  if (value === undefined || value === null) return undefined;
  return isPlainObject(value) ? value as { [key: string]: any } : wrong(m, path, value, 'an object');
}

/** A list field, or [] when absent. */
export function listAt(m: Manifest, value: unknown, path: string): any[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : wrong(m, path, value, 'a list');
}

/** A list of objects, or [] when absent. */
export function objectsAt(m: Manifest, value: unknown, path: string): Array<{ [key: string]: any }> {
  return listAt(m, value, path).map((item, i) => objectAt(m, item, `${path}[${i}]`) ?? wrong(m, `${path}[${i}]`, item, 'an object'));
}

/** A string field, or undefined when absent. */
export function stringAt(m: Manifest, value: unknown, path: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : wrong(m, path, value, 'a string');
}

/** A list of strings, or [] when absent. */
export function stringsAt(m: Manifest, value: unknown, path: string): string[] {
  return listAt(m, value, path).map((item, i) => stringAt(m, item, `${path}[${i}]`) ?? wrong(m, `${path}[${i}]`, item, 'a string'));
}

/** A whole number of at least 0, or `fallback` when absent. */
export function countAt(m: Manifest, value: unknown, path: string, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  return Number.isInteger(value) && (value as number) >= 0 ? value as number : wrong(m, path, value, 'a whole number of at least 0');
}

/** A quantity such as "10Gi", in thousandths (parseQuantity's exact unit). */
export function quantityAt(m: Manifest, value: unknown, path: string): bigint {
  const thousandths = typeof value === 'string' || typeof value === 'number' ? parseQuantity(String(value)) : undefined;
  return thousandths ?? wrong(m, path, value, 'a quantity such as "10Gi"');
}
