import { Size } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { describeChild, describeConstruct, invalid } from './errors';

/**
 * Runtime checks of what callers pass in. TypeScript's types do not protect
 * JavaScript callers, nor jsii callers (Python, Java, C#, Go) whose values
 * cross the jsii kernel: a plain string where an enum member belongs, a number
 * where a Size belongs, a missing props object. Every public entry point
 * checks its arguments against a schema here, so bad input is a
 * StorageValidationError naming the construct, the prop, the value and a fix,
 * never a TypeError from deep inside and never silently wrong YAML.
 *
 * A new construct gets all of it by writing `Schema<ItsProps>` (tsc insists
 * that the schema lists every prop, required exactly when the interface
 * requires it) and calling `checkProps` first thing.
 */

/** Why a value does not fit. */
export interface Misfit {
  /** The prop, as the caller wrote it: `volumes[0].mountPath`. */
  readonly prop: string;
  readonly value: unknown;
  readonly allowed: string;
  readonly fix: string;
}

/** A check of one value; `prop` names where the value sits, for the message. */
export interface Check {
  readonly optional: boolean;
  readonly test: (value: unknown, prop: string) => Misfit | undefined;
}
/** A check of a prop the interface requires. */
export interface RequiredCheck extends Check { readonly optional: false }
/** A check of a prop the interface marks optional (`?`): undefined passes. */
export interface OptionalCheck extends Check { readonly optional: true }

/**
 * A check per prop of `T`: tsc refuses a schema that misses a prop, names one
 * `T` does not have, or treats a required prop as optional (or the reverse).
 */
export type Schema<T> = { readonly [K in keyof T]-?: {} extends Pick<T, K> ? OptionalCheck : RequiredCheck };

/** A check from a predicate, with what is allowed and how to fix a miss. */
export function predicate(allowed: string, fix: string, fits: (value: unknown) => boolean): RequiredCheck {
  return { optional: false, test: (value, prop) => (fits(value) ? undefined : { prop, value, allowed, fix }) };
}

/** The same check, passing when the value is undefined. */
export function optional(check: Check): OptionalCheck {
  return { optional: true, test: (value, prop) => (value === undefined ? undefined : check.test(value, prop)) };
}

export const isPlainObject = (v: unknown): v is { [key: string]: unknown } => v !== null && typeof v === 'object' && !Array.isArray(v);

export const str = (example = 'a string'): RequiredCheck => predicate(example, `pass ${example}`, v => typeof v === 'string');
/** A string with something in it: an empty one would render a field that means nothing (an image "", a model ""). */
export const text = (example = 'a string'): RequiredCheck => predicate(`${example}, not empty`, `pass ${example}`, v => typeof v === 'string' && v.trim() !== '');
export const bool = (): RequiredCheck => predicate('true or false', 'pass a boolean, not a string such as "true"', v => typeof v === 'boolean');

/** An integer within bounds (the one integer check of the library). */
export function integer(min: number = Number.MIN_SAFE_INTEGER, max: number = Number.MAX_SAFE_INTEGER): RequiredCheck {
  const range = min === Number.MIN_SAFE_INTEGER ? 'an integer' : max === Number.MAX_SAFE_INTEGER ? `an integer of at least ${min}` : `an integer from ${min} to ${max}`;
  return predicate(range, `pass ${range}`, v => Number.isInteger(v) && (v as number) >= min && (v as number) <= max);
}

/**
 * The one integer check of the library, as a statement: throws unless `value`
 * is undefined or a whole number from `min` to `max`. `allowed` names the
 * range in the caller's terms ("a port from 1 to 65535").
 */
export function requireInteger(
  where: string, prop: string, value: unknown, range: { min: number; max?: number; allowed?: string; fix: string },
): void {
  const check = integer(range.min, range.max);
  const misfit = value === undefined ? undefined : check.test(value, prop);
  if (misfit) throw invalid({ where, prop, value, allowed: range.allowed ?? misfit.allowed, fix: range.fix });
}

/** A finite number (for rates such as IOPS per GiB; ranges are checked by the backend). */
export const num = (): RequiredCheck => predicate('a finite number', 'pass a number, not a string', v => typeof v === 'number' && Number.isFinite(v));

/**
 * A cdk8s Size. Recognised by its methods as well as by class, so a Size from
 * a second copy of cdk8s in node_modules is accepted.
 */
export const size = (): RequiredCheck => predicate('a cdk8s Size', 'pass a Size such as Size.gibibytes(10), not a number or a string',
  v => v instanceof Size || (isPlainObject(v) && typeof (v as any).asString === 'function' && typeof (v as any).toKibibytes === 'function'));

/** The members of a TypeScript string enum, as [name, value] pairs. */
function enumEntries(enumObject: { [key: string]: string }): Array<[string, string]> {
  // Members initialised from another enum (BlockAccessMode.READ_WRITE_ONCE = AccessMode.READ_WRITE_ONCE)
  // make tsc add reverse entries ("ReadWriteOnce" -> "READ_WRITE_ONCE"); jsii member names are UPPER_SNAKE, so only those count.
  return Object.entries(enumObject).filter(([k]) => /^[A-Z][A-Z0-9_]*$/.test(k));
}

/** The values of a TypeScript string enum (Object.values would also return the reverse entries). */
export function enumValues(enumObject: { [key: string]: string }): string[] {
  return enumEntries(enumObject).map(([, v]) => v);
}

/** A member of a TypeScript string enum; `name` is how users write it ("BlockAccessMode"). */
export function enumOf(enumObject: { [key: string]: string }, name: string): RequiredCheck {
  const entries = enumEntries(enumObject);
  const values = entries.map(([, v]) => v);
  const members = entries.map(([k, v]) => `${name}.${k} ("${v}")`).join(', ');
  return predicate(`one of ${members}`, `use a member of ${name}; a value it does not list is not served here`, v => values.includes(v as string));
}

/** A list whose items all pass `item`. */
export function listOf(item: Check): RequiredCheck {
  return {
    optional: false,
    test: (value, prop) => {
      if (!Array.isArray(value)) return { prop, value, allowed: 'a list', fix: `pass a list (a single value goes in [ ]), not ${typeOf(value)}` };
      for (const [i, v] of value.entries()) {
        const misfit = v === undefined || v === null
          ? { prop: `${prop}[${i}]`, value: v, allowed: 'a value', fix: `remove the empty entry ${i}` }
          : item.test(v, `${prop}[${i}]`);
        if (misfit) return misfit;
      }
      return undefined;
    },
  };
}

/** A map of string keys whose values pass `item`; `nonEmpty` for maps that mean nothing when empty (a selector). */
export function mapOf(item: Check, nonEmpty = false): RequiredCheck {
  return {
    optional: false,
    test: (value, prop) => {
      if (!isPlainObject(value) || (nonEmpty && Object.keys(value).length === 0)) {
        const allowed = nonEmpty ? 'a map with at least one entry' : 'a map of keys to values';
        return { prop, value, allowed, fix: isPlainObject(value) ? `add an entry, or leave ${prop} out` : `pass ${allowed}, not ${typeOf(value)}` };
      }
      for (const [k, v] of Object.entries(value)) {
        const misfit = item.test(v, `${prop}.${k}`);
        if (misfit) return misfit;
      }
      return undefined;
    },
  };
}

/** An object with the props of `schema`, and no others (a misspelt prop would otherwise be ignored). */
export function struct<T>(schema: Schema<T>, typeName: string): RequiredCheck {
  return { optional: false, test: (value, prop) => structMisfit(value, schema as { [key: string]: Check }, typeName, prop) };
}

/** An instance of a class of this library, built by its factories (`StoreUpdateStrategy.onDelete()`). */
export function instanceOf(type: { readonly prototype: object }, typeName: string, fix: string): RequiredCheck {
  // Classes with private constructors (made by factories) are not `new`-able types, hence the cast.
  return predicate(an(typeName), fix, v => v instanceof (type as any));
}

/** A Kubernetes struct passed through as written (k8s.Probe, k8s.ResourceRequirements): an object; the API server checks its fields. */
export const kubeStruct = (typeName: string): RequiredCheck => predicate(`${an(typeName)} object`, `pass ${an(typeName)} object literal`, isPlainObject);

function structMisfit(value: unknown, schema: { [key: string]: Check }, typeName: string, prop: string): Misfit | undefined {
  if (!isPlainObject(value)) return { prop, value, allowed: `${an(typeName)} object`, fix: `pass ${an(typeName)} object literal, not ${typeOf(value)}` };
  let unknown: string | undefined;
  for (const k in value) {
    if (!(k in schema) && value[k] !== undefined) {
      unknown = k;
      break;
    }
  }
  if (unknown !== undefined) {
    return { prop: join(prop, unknown), value: value[unknown], allowed: `the props of ${typeName}: ${Object.keys(schema).join(', ')}`, fix: `remove ${unknown} or correct its spelling` };
  }
  // for-in, and no prop path built for a prop left out: this runs for every construct
  // and claim, tens of thousands of times in a large app.
  for (const key in schema) {
    const v = value[key];
    if (v === undefined) {
      if (schema[key].optional) continue;
      return { prop: join(prop, key), value: v, allowed: `a value: ${typeName} requires it`, fix: `set ${key}` };
    }
    // null is never a value in this library's props: say so rather than let it through as "unset".
    if (v === null) return { prop: join(prop, key), value: v, allowed: 'a value, or the prop left out', fix: `leave ${key} out instead of null` };
    const misfit = schema[key].test(v, join(prop, key));
    if (misfit) return misfit;
  }
  return undefined;
}

/**
 * Checks the props of a construct or factory; returns them typed. Undefined or
 * null props are `{}` when every prop is optional, and an error otherwise.
 *
 * @param where the construct path and type (`describeConstruct`), or the factory ("BlockProvider.ebs")
 * @param typeName the props interface, for messages ("StatefulStoreProps")
 */
export function checkProps<T>(where: string, props: unknown, schema: Schema<T>, typeName: string): T {
  if (props === undefined || props === null) {
    const required = Object.entries(schema as { [key: string]: Check }).filter(([, c]) => !c.optional).map(([k]) => k);
    if (required.length === 0) return {} as T;
    throw invalid({ where, prop: 'props', value: props, allowed: `${an(typeName)} object with ${required.join(', ')}`, fix: `pass props: { ${required.map(k => `${k}: ...`).join(', ')} }` });
  }
  throwMisfit(where, structMisfit(props, schema as { [key: string]: Check }, typeName, ''));
  return props as T;
}

/**
 * The start of every construct's constructor, right after
 * `super(checkScope(scope, id, typeName), id)`: where the construct is, for
 * messages, and its props (of the interface `<typeName>Props`) checked.
 */
export function openConstruct<T>(construct: IConstruct, typeName: string, props: unknown, schema: Schema<T>): { where: string; props: T } {
  const where = describeConstruct(construct, typeName);
  return { where, props: checkProps(where, props, schema, `${typeName}Props`) };
}

/** Checks one positional argument (`name` of `claimTemplate(name, options)`). */
export function checkArg<T>(where: string, argName: string, value: unknown, check: Check): T {
  throwMisfit(where, value === undefined && check.optional ? undefined : check.test(value, argName));
  return value as T;
}

/** The scope of a construct about to be created: a construct, or a clear error instead of a TypeError in `constructs`. */
export function checkScope(scope: unknown, id: unknown, typeName: string): Construct {
  const where = `${typeName} "${String(id)}"`;
  if (!Construct.isConstruct(scope)) {
    throw invalid({ where, prop: 'scope', value: scope === undefined || scope === null ? scope : typeOf(scope), allowed: 'a construct (a Chart or a construct in one)', fix: 'pass the chart, or a construct inside it, as the first argument' });
  }
  if (typeof id !== 'string' || id.length === 0) {
    throw invalid({ where: describeChild(scope as IConstruct, String(id), typeName), prop: 'id', value: id, allowed: 'a non-empty string', fix: 'pass a construct id such as "data"' });
  }
  if ((scope as Construct).node.tryFindChild(id)) {
    throw invalid({
      where: describeChild(scope as IConstruct, id, typeName),
      prop: 'id',
      value: id,
      allowed: 'an id no other construct in this scope has',
      fix: `choose another id than ${JSON.stringify(id)} (the name can stay: pass it as name)`,
    });
  }
  return scope as Construct;
}

function throwMisfit(where: string, misfit: Misfit | undefined): void {
  if (misfit) throw invalid({ where, prop: misfit.prop || 'props', value: misfit.value, allowed: misfit.allowed, fix: misfit.fix });
}

function join(prop: string, key: string): string {
  return prop ? `${prop}.${key}` : key;
}

/** "an EnvValue", "a Size": the article for a type name. */
function an(typeName: string): string {
  return `${/^[AEIOU]/.test(typeName) ? 'an' : 'a'} ${typeName}`;
}

/** "a number", "a list", "null": the kind of value the caller passed, in words. */
function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}
