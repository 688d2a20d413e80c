import { AccessMode, knownAccessModes } from './access-mode';
import { BackendRequest } from './backend-claims';
import { invalid } from './errors';
import { VolumeMode } from './policies';
import type { IStorageClass, StorageClassCapabilities, StorageClassClaimOptions } from './storage-class';

/**
 * The modes declared for a class this library does not model, checked: known
 * access modes (a class may serve ReadWriteOncePod beside other modes; each
 * claim asks for one), and at least one volume mode.
 */
export function declaredModes(capabilities: StorageClassCapabilities, where: string): { accessModes: AccessMode[]; volumeModes: VolumeMode[] } {
  const accessModes = knownAccessModes(capabilities.accessModes, where, 'accessModes') as AccessMode[];
  const volumeModes = [...new Set(capabilities.volumeModes ?? [VolumeMode.FILESYSTEM])];
  if (volumeModes.length === 0) {
    throw invalid({
      where,
      prop: 'volumeModes',
      value: [],
      allowed: 'at least one of Filesystem, Block',
      fix: 'omit volumeModes for Filesystem, or list the modes the driver serves',
    });
  }
  return { accessModes, volumeModes };
}

/** A claim on such a class: it may ask only for the modes the class declares. */
export function requestOnDeclaredModes(storageClass: IStorageClass, options: StorageClassClaimOptions, where: string): BackendRequest {
  const accessMode = options.accessMode ?? storageClass.accessModes[0];
  const volumeMode = options.volumeMode ?? VolumeMode.FILESYSTEM;
  requireDeclared(storageClass, where, 'accessMode', accessMode, storageClass.accessModes, 'accessModes');
  requireDeclared(storageClass, where, 'volumeMode', volumeMode, storageClass.volumeModes, 'volumeModes');
  return { storageClassName: storageClass.storageClassName, accessMode, volumeMode, storage: options.storage };
}

function requireDeclared(storageClass: IStorageClass, where: string, prop: string, value: string, declared: string[], declaration: string): void {
  if (!declared.includes(value)) {
    throw invalid({
      where,
      prop,
      value,
      allowed: `the ${declaration} declared for class "${storageClass.storageClassName}": ${declared.join(', ')}`,
      fix: `ask for one of those, or add ${value} to the class's ${declaration} if its driver really serves it`,
    });
  }
}
