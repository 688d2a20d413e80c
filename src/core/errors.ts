import { IConstruct } from 'constructs';

const BRAND = Symbol.for('cdk8s-storage.StorageValidationError');

/**
 * The one error this library throws for invalid input.
 *
 * jsii cannot export a subclass of `Error`, so the class is not part of the
 * jsii API; TypeScript users may import it from `cdk8s-storage/lib/core/errors`,
 * and every language can recognise it with `StorageErrors.isStorageValidationError`.
 */
export class StorageValidationError extends Error {
  public readonly [BRAND] = true;

  public constructor(message: string) {
    super(message);
    this.name = 'StorageValidationError';
  }
}

/**
 * Recognises the errors this library throws for invalid input.
 */
export class StorageErrors {
  /**
   * True when `x` is an error thrown by cdk8s-storage for invalid input.
   */
  public static isStorageValidationError(x: any): boolean {
    return x !== null && typeof x === 'object' && x[BRAND] === true;
  }

  private constructor() {}
}

/** What went wrong, in the words every message of this library uses. */
export interface InvalidInput {
  /** Where: a construct path and type, or a description of a value object. */
  readonly where: string;
  /** The prop (or argument) that holds the bad value. */
  readonly prop: string;
  /** The value received. */
  readonly value: unknown;
  /** What is allowed instead. */
  readonly allowed: string;
  /** How to fix it. */
  readonly fix: string;
}

/**
 * Builds the error for a bad prop: it names where, the prop, the value, what is allowed and the fix.
 */
export function invalid(input: InvalidInput): StorageValidationError {
  return new StorageValidationError(
    `${input.where}: invalid ${input.prop} ${describe(input.value)}. Allowed: ${input.allowed}. Fix: ${input.fix}`,
  );
}

/** "web/data (VolumeClaim)": the construct path and the kind of construct. */
export function describeConstruct(construct: IConstruct, typeName: string): string {
  return `${construct.node.path} (${typeName})`;
}

/** The same, for a construct about to be created as `id` under `scope`. */
export function describeChild(scope: IConstruct, id: string, typeName: string): string {
  return `${scope.node.path ? `${scope.node.path}/` : ''}${id} (${typeName})`;
}

function describe(value: unknown): string {
  if (value === undefined) return '(not set)';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
