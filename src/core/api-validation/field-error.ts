/**
 * The API server's verdicts, in its own vocabulary: a field error with the
 * path, type and detail that k8s.io/apimachinery/pkg/util/validation/field
 * gives, printed as `kubectl apply` prints it.
 */

/** field.ErrorType, as its String() spells it. */
export enum FieldErrorType {
  REQUIRED = 'Required value',
  INVALID = 'Invalid value',
  NOT_SUPPORTED = 'Unsupported value',
  DUPLICATE = 'Duplicate value',
  FORBIDDEN = 'Forbidden',
  TOO_LONG = 'Too long',
  TOO_MANY = 'Too many',
  NOT_FOUND = 'Not found',
}

/** One refused field. */
export interface FieldError {
  /** The path as the Go code builds it: `spec.volumes[0].hostPath.path`, `metadata.labels`. */
  readonly field: string;
  readonly type: FieldErrorType;
  /** The value at fault, for Invalid, NotSupported and Duplicate. */
  readonly value?: unknown;
  readonly detail: string;
}

/** The text of field.Error.Error(): `spec.accessModes: Unsupported value: "X": supported values: ...`. */
export function fieldErrorText(e: FieldError): string {
  const valueless = [FieldErrorType.REQUIRED, FieldErrorType.FORBIDDEN, FieldErrorType.TOO_LONG].includes(e.type) || e.value === undefined;
  const shown = valueless ? e.type : `${e.type}: ${showValue(e.value)}`;
  return `${e.field}: ${shown}${e.detail ? `: ${e.detail}` : ''}`;
}

/** Values as the Go error prints them: strings quoted, numbers bare, objects as JSON. */
function showValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value) ?? 'null';
}

/** A field path under construction: `at('spec').child('volumes').index(0)`. */
export class FieldPath {
  public static at(...names: string[]): FieldPath {
    return new FieldPath(names.join('.'));
  }

  private constructor(private readonly path: string) {}

  public child(...names: string[]): FieldPath {
    // Built for every field judged, error or not: plain concatenation, no arrays.
    const tail = names.length === 1 ? names[0] : names.join('.');
    return new FieldPath(this.path === '' ? tail : `${this.path}.${tail}`);
  }

  public index(i: number): FieldPath {
    return new FieldPath(`${this.path}[${i}]`);
  }

  public key(k: string): FieldPath {
    return new FieldPath(`${this.path}[${k}]`);
  }

  public toString(): string {
    return this.path;
  }

  public required(detail = ''): FieldError {
    return { field: this.path, type: FieldErrorType.REQUIRED, detail };
  }

  public invalid(value: unknown, detail: string): FieldError {
    return { field: this.path, type: FieldErrorType.INVALID, value, detail };
  }

  public notSupported(value: unknown, supported: readonly string[]): FieldError {
    return { field: this.path, type: FieldErrorType.NOT_SUPPORTED, value, detail: `supported values: ${supported.map(s => JSON.stringify(s)).join(', ')}` };
  }

  public duplicate(value: unknown): FieldError {
    return { field: this.path, type: FieldErrorType.DUPLICATE, value, detail: '' };
  }

  public notFound(value: unknown): FieldError {
    return { field: this.path, type: FieldErrorType.NOT_FOUND, value, detail: '' };
  }

  public forbidden(detail: string): FieldError {
    return { field: this.path, type: FieldErrorType.FORBIDDEN, detail };
  }

  public tooLong(max: number): FieldError {
    return { field: this.path, type: FieldErrorType.TOO_LONG, detail: `may not be more than ${max} bytes` };
  }

  public tooMany(actual: number, max: number): FieldError {
    return { field: this.path, type: FieldErrorType.TOO_MANY, value: actual, detail: `must have at most ${max} items` };
  }
}
