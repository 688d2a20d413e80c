import { invalid } from './errors';

/**
 * Every access mode Kubernetes defines.
 *
 * Backends of this library have enums of their own that hold only the modes
 * their driver really serves (`LocalAccessMode`, `NfsAccessMode`, ...); their
 * members carry the same values as these, so one mapping renders them all.
 * This enum is used where the user declares the modes of a class this library
 * does not model (`StorageClass`, `StorageClass.fromStorageClassName`).
 *
 * @see https://kubernetes.io/docs/concepts/storage/persistent-volumes/#access-modes
 */
export enum AccessMode {
  /** Mounted read-write by one node (several pods on that node may share it). */
  READ_WRITE_ONCE = 'ReadWriteOnce',
  /** Mounted read-only by many nodes. */
  READ_ONLY_MANY = 'ReadOnlyMany',
  /** Mounted read-write by many nodes. */
  READ_WRITE_MANY = 'ReadWriteMany',
  /** Mounted read-write by a single pod in the whole cluster (stable since Kubernetes 1.29). */
  READ_WRITE_ONCE_POD = 'ReadWriteOncePod',
}

const KUBE_ACCESS_MODES = new Set<string>(Object.values(AccessMode));

/**
 * Checks that every value is a Kubernetes access mode (a plain string smuggled
 * past the type system, for example from JavaScript, is rejected) and that
 * there is at least one; returns them without duplicates.
 */
export function knownAccessModes(modes: readonly string[], where: string, prop: string): string[] {
  const unique = [...new Set(modes)];
  if (unique.length === 0 || unique.some(m => !KUBE_ACCESS_MODES.has(m))) {
    throw invalid({
      where,
      prop,
      value: modes,
      allowed: `one or more of ${[...KUBE_ACCESS_MODES].join(', ')}, given as the backend's access-mode enum`,
      fix: 'pass members of the access-mode enum of the backend (for example AccessMode.READ_WRITE_ONCE), not strings',
    });
  }
  return unique;
}

/**
 * The one mapping from any backend's access-mode enum to the Kubernetes
 * strings of a PV or PVC's `accessModes`.
 *
 * Besides `knownAccessModes`, rejects `ReadWriteOncePod` combined with another
 * mode, as the API server does: a volume a single pod owns cannot also be shared.
 */
export function renderAccessModes(modes: readonly string[], where: string, prop: string): string[] {
  const unique = knownAccessModes(modes, where, prop);
  if (unique.includes(AccessMode.READ_WRITE_ONCE_POD) && unique.length > 1) {
    throw invalid({
      where,
      prop,
      value: modes,
      allowed: 'ReadWriteOncePod alone, or any combination of the other modes',
      fix: 'ask for ReadWriteOncePod on its own',
    });
  }
  return unique;
}
