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

/** A field's path for messages: a string, or a function that builds it only when a message needs it (readers run per container). */
export type FieldPath = string | (() => string);

function wrong(m: Manifest, path: FieldPath, value: unknown, expected: string): never {
  throw inputError(sourceOf(m, `${m.kind} ${m.metadata?.name}`),
    `${m.kind} ${m.metadata?.name}: ${typeof path === 'string' ? path : path()} is ${JSON.stringify(value)}, expected ${expected}. Fix: correct the manifest`);
}

function item(path: FieldPath, i: number): string {
  return `${typeof path === 'string' ? path : path()}[${i}]`;
}

/** An object field, or undefined when absent. */
export function objectAt(m: Manifest, value: unknown, path: FieldPath): { [key: string]: any } | undefined {
  if (value === undefined || value === null) return undefined;
  return isPlainObject(value) ? value as { [key: string]: any } : wrong(m, path, value, 'an object');
}

/** A list field, or [] when absent. */
export function listAt(m: Manifest, value: unknown, path: FieldPath): any[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : wrong(m, path, value, 'a list');
}

/**
 * A list of objects, or [] when absent. The list itself is returned, not a
 * copy: these run for every container of every workload, so they allocate
 * nothing (not even an item's path) unless an item is wrong.
 */
export function objectsAt(m: Manifest, value: unknown, path: FieldPath): Array<{ [key: string]: any }> {
  const list = listAt(m, value, path);
  for (let i = 0; i < list.length; i++) {
    if (!isPlainObject(list[i])) wrong(m, item(path, i), list[i], 'an object');
  }
  return list;
}

/** A string field, or undefined when absent. */
export function stringAt(m: Manifest, value: unknown, path: FieldPath): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : wrong(m, path, value, 'a string');
}

/** A list of strings, or [] when absent (the list itself, as objectsAt). */
export function stringsAt(m: Manifest, value: unknown, path: FieldPath): string[] {
  const list = listAt(m, value, path);
  for (let i = 0; i < list.length; i++) {
    if (typeof list[i] !== 'string') wrong(m, item(path, i), list[i], 'a string');
  }
  return list;
}

/** A whole number of at least 0, or `fallback` when absent. */
export function countAt(m: Manifest, value: unknown, path: FieldPath, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  return Number.isInteger(value) && (value as number) >= 0 ? value as number : wrong(m, path, value, 'a whole number of at least 0');
}

/** A quantity such as "10Gi", in thousandths (parseQuantity's exact unit). */
export function quantityAt(m: Manifest, value: unknown, path: FieldPath): bigint {
  const thousandths = typeof value === 'string' || typeof value === 'number' ? parseQuantity(String(value)) : undefined;
  return thousandths ?? wrong(m, path, value, 'a quantity such as "10Gi"');
}
