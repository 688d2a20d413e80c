/**
 * Where an object of a set of manifests was read from.
 */
export interface SourceLocation {
  /** The file, as given on the command line (a git revision reads as `rev:path`), or `stdin`. */
  readonly file: string;
  /** The line (from 1) where the object's document starts, so editors and code scanning can jump to it. */
  readonly line: number;
  /** The document's number in its file (from 1), for multi-document YAML. */
  readonly document: number;
}
