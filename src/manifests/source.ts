import { SourceLocation } from './source-location';

/** Where each parsed manifest came from, kept beside the object rather than in it. */
const SOURCES = new WeakMap<object, SourceLocation>();

/** Records where `manifest` was read from. */
export function recordSource(manifest: object, location: SourceLocation): void {
  SOURCES.set(manifest, location);
}

/** Where `manifest` was read from; undefined for objects passed in by a program. */
export function locationOf(manifest: unknown): SourceLocation | undefined {
  return manifest !== null && typeof manifest === 'object' ? SOURCES.get(manifest) : undefined;
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
