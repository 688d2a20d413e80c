/**
 * Compile-time guarantees of the runtime schemas (src/core/checks.ts): a
 * schema must list every prop of its interface, no other, and mark a prop
 * optional exactly when the interface does, so the runtime check of a new or
 * changed prop cannot be forgotten. Type-checked by `tsc`, never run.
 */
import { Schema, bool, optional, size, str } from '../../src/core/checks';

interface ExampleProps {
  readonly name: string;
  readonly storage?: unknown;
}

export const complete: Schema<ExampleProps> = { name: str(), storage: optional(size()) };

// @ts-expect-error a prop of the interface is missing from the schema
export const missing: Schema<ExampleProps> = { name: str() };

// @ts-expect-error the schema names a prop the interface does not have
export const extra: Schema<ExampleProps> = { name: str(), storage: optional(size()), readOnly: optional(bool()) };

// @ts-expect-error a required prop checked as optional (undefined would pass at run time)
export const requiredAsOptional: Schema<ExampleProps> = { name: optional(str()), storage: optional(size()) };

// @ts-expect-error an optional prop checked as required (leaving it out would be refused)
export const optionalAsRequired: Schema<ExampleProps> = { name: str(), storage: size() };
