import { Size } from 'cdk8s';
import { invalid } from './errors';

/** Binary suffixes of the Kubernetes quantity grammar, largest first, in bytes. */
const BINARY_UNITS: ReadonlyArray<[string, bigint]> = [
  ['Pi', 1024n ** 5n],
  ['Ti', 1024n ** 4n],
  ['Gi', 1024n ** 3n],
  ['Mi', 1024n ** 2n],
  ['Ki', 1024n],
  ['', 1n],
];

/** A quantity's magnitude may not exceed 2^63-1 (apimachinery resource/quantity.go). */
const MAX_QUANTITY_BYTES = 2n ** 63n - 1n;

const SIZE_STRING = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|Pi)$/;

/**
 * Renders a cdk8s `Size` as the Kubernetes quantity the user meant.
 *
 * Whole amounts keep their unit (`Size.mebibytes(512)` is `512Mi`, `Size.gibibytes(2)`
 * is `2Gi`) so GitOps diffs stay quiet. A fractional amount is written in the
 * largest binary unit that holds it as a whole number (`Size.gibibytes(1.5)` is
 * `1536Mi`), which is the form the API server stores anyway. Zero, negative,
 * fractional-byte and out-of-range sizes are rejected.
 */
export function renderSize(size: Size, where: string, prop: string): string {
  return measureSize(size, where, prop).quantity;
}

/** A size rendered (see `renderSize`) and its exact byte count, for checks that need both (disk capacities). */
export function measureSize(size: Size, where: string, prop: string): { quantity: string; bytes: bigint } {
  const text = size.asString();
  const match = SIZE_STRING.exec(text);
  const bytes = match ? exactBytes(match[1], unitBytes(match[2])) : undefined;
  if (!match || bytes === undefined || bytes <= 0n || bytes > MAX_QUANTITY_BYTES) {
    throw invalid({
      where,
      prop,
      value: text,
      allowed: 'a positive size of a whole number of bytes, at most 2^63-1 bytes',
      fix: 'use a positive Size such as Size.mebibytes(512) or Size.gibibytes(10)',
    });
  }
  return { quantity: match[1].includes('.') ? wholeQuantity(bytes) : text, bytes };
}

/** The exact byte count of a size, for comparing sizes (checks of capacity against claims). */
export function sizeInBytes(size: Size, where: string, prop: string): bigint {
  return measureSize(size, where, prop).bytes;
}

function unitBytes(suffix: string): bigint {
  return BINARY_UNITS.find(([s]) => s === suffix)![1];
}

/** amount × unit as an exact integer, or undefined when it is not a whole number of bytes. */
function exactBytes(amount: string, unit: bigint): bigint | undefined {
  const [whole, fraction = ''] = amount.split('.');
  const scale = 10n ** BigInt(fraction.length);
  const numerator = BigInt(whole + fraction) * unit;
  return numerator % scale === 0n ? numerator / scale : undefined;
}

function wholeQuantity(bytes: bigint): string {
  const [suffix, unit] = BINARY_UNITS.find(([, u]) => bytes % u === 0n)!;
  return `${bytes / unit}${suffix}`;
}

const QUANTITY = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;
const DECIMAL_SUFFIXES: { [suffix: string]: number } = { 'm': -3, '': 0, 'k': 3, 'M': 6, 'G': 9, 'T': 12, 'P': 15, 'E': 18 };

/**
 * A Kubernetes quantity string (apimachinery resource/quantity.go grammar:
 * binary `Ki`..`Ei`, decimal `m`..`E`, or an exponent `e<n>`) as an exact
 * number of thousandths, for comparing sizes written in any unit.
 * Returns undefined for anything else (`10GB`, `10 Gi`).
 */
export function parseQuantity(text: string): bigint | undefined {
  const key = String(text);
  // Manifests repeat a few sizes thousands of times ("10Gi"): parse each once.
  if (PARSED.has(key)) return PARSED.get(key);
  const value = parseQuantityText(key);
  if (PARSED.size >= MAX_REMEMBERED) PARSED.clear();
  PARSED.set(key, value);
  return value;
}

/** Quantities already parsed, by their text; bounded, so odd inputs cannot grow it without end. */
const PARSED = new Map<string, bigint | undefined>();
const MAX_REMEMBERED = 10_000;

function parseQuantityText(text: string): bigint | undefined {
  const match = QUANTITY.exec(text.trim());
  if (!match) return undefined;
  const [, sign, number, suffix = ''] = match;
  const [whole, fraction = ''] = number.split('.');
  const digits = BigInt((whole || '0') + fraction);
  const binary = ['Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'].indexOf(suffix);
  const exponent = binary >= 0 ? 0 : /^[eE]/.test(suffix) ? Number(suffix.slice(1)) : DECIMAL_SUFFIXES[suffix];
  const multiplier = binary >= 0 ? 1024n ** BigInt(binary + 1) : 1n;
  // thousandths = digits × multiplier × 10^(exponent + 3 - fraction digits)
  const scale = exponent + 3 - fraction.length;
  const value = scale >= 0 ? digits * multiplier * 10n ** BigInt(scale) : (digits * multiplier) / 10n ** BigInt(-scale);
  return sign === '-' ? -value : value;
}
