import { SourceLocation } from './source-location';

/** What parsing learned about an object: where it was, and whether its document defined YAML anchors. */
interface Parsed {
  readonly location: SourceLocation;
  /** No anchor in its document: no alias can share or loop back, so its size is bounded by the text. */
  readonly treeShaped: boolean;
}

/** Kept beside each parsed object rather than in it (one map: each entry costs a weak-map insert). */
const PARSED = new WeakMap<object, Parsed>();

/** Records where `manifest` was read from, and whether its document was free of anchors. */
export function recordSource(manifest: object, location: SourceLocation, treeShaped: boolean): void {
  PARSED.set(manifest, { location, treeShaped });
}

/** Where `manifest` was read from; undefined for objects passed in by a program. */
export function locationOf(manifest: unknown): SourceLocation | undefined {
  return manifest !== null && typeof manifest === 'object' ? PARSED.get(manifest)?.location : undefined;
}

/** Whether `value` was parsed from a document without anchors (objects passed in by a program are not known to be). */
export function isTreeShaped(value: object): boolean {
  return PARSED.get(value)?.treeShaped === true;
}

/** `file:line (document n)`, the form editors jump to. */
export function formatLocation(location: SourceLocation): string {
  return `${location.file}:${location.line} (document ${location.document})`;
}

/** Where `manifest` was read from, in words, or `fallback` for objects passed in by a program. */
export function sourceOf(manifest: unknown, fallback: string): string {
  const location = locationOf(manifest);
  return location ? formatLocation(location) : fallback;
}
