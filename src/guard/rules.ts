import { GuardSeverity } from './guard-types';
import { Manifest, withoutDefaults } from './manifest';

/** A field the API server refuses to change (or whose change risks data), checked the same way for every object of a kind. */
export interface FieldRule {
  readonly field: string;
  /** The value to compare, with API defaults filled in (so an omitted default is no change). */
  readonly value: (m: Manifest) => unknown;
  readonly severity: GuardSeverity;
  readonly message: string;
  readonly remedy: (m: Manifest) => string;
  /** Only a change from a value that was set counts (fields that may be set once). */
  readonly onceSet?: boolean;
  /** Only a change to this value counts (for example a retention policy turning to Delete). */
  readonly onlyTo?: unknown;
}

const ns = (m: Manifest) => (m.metadata?.namespace ? ` -n ${m.metadata.namespace}` : '');
const orphanAndResync = (m: Manifest) =>
  `kubectl delete statefulset ${m.metadata?.name}${ns(m)} --cascade=orphan, then re-sync: the pods and their claims stay, and the new StatefulSet adopts them`;
const newClass = () => 'give the class a new name (claims cannot change class: move them to new claims), or delete the class and apply it again (existing volumes are kept)';
const newClaim = () => 'create a new claim with the new settings and copy the data into it (for performance settings, use a VolumeAttributesClass)';
const newVolume = () => 'create a new PV under another name and bind a new claim to it; a PV\'s source cannot be edited';

/** StatefulSet templates compared by name; apiVersion, kind and volumeMode at their defaults count as unset. */
export function templatesByName(m: Manifest): { [name: string]: unknown } {
  const templates: any[] = m.spec?.volumeClaimTemplates ?? [];
  return Object.fromEntries(templates.map(t => {
    const { apiVersion, kind, status, ...rest } = withoutDefaults(t, { apiVersion: 'v1', kind: 'PersistentVolumeClaim' });
    return [t.metadata?.name, { ...rest, spec: withoutDefaults(t.spec, { volumeMode: 'Filesystem' }) }];
  }));
}

const NOT_SOURCE = [
  'capacity', 'accessModes', 'claimRef', 'persistentVolumeReclaimPolicy', 'storageClassName', 'mountOptions', 'volumeMode', 'nodeAffinity', 'volumeAttributesClassName',
];

/** The volume source of a PV: its spec without the fields that are not the source (storage-facts.md 5.3). */
export function pvSource(m: Manifest): unknown {
  const source = { ...m.spec };
  for (const field of NOT_SOURCE) delete source[field];
  return source;
}

/** The immutable fields of each kind (k8s-src ValidateXUpdate; storage-facts.md 5.3 and trap 5). */
export const FIELD_RULES: { [kind: string]: FieldRule[] } = {
  StatefulSet: [
    ...['serviceName', 'selector'].map(field => ({
      field: `spec.${field}`,
      value: (m: Manifest) => m.spec?.[field],
      severity: GuardSeverity.REFUSED,
      message: `updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden (${field})`,
      remedy: orphanAndResync,
    })),
    {
      field: 'spec.podManagementPolicy',
      value: m => m.spec?.podManagementPolicy ?? 'OrderedReady',
      severity: GuardSeverity.REFUSED,
      message: 'podManagementPolicy cannot change once the StatefulSet exists',
      remedy: orphanAndResync,
    },
    {
      field: 'spec.revisionHistoryLimit',
      value: m => m.spec?.revisionHistoryLimit ?? 10,
      severity: GuardSeverity.WARNING,
      message: 'revisionHistoryLimit is refused by API servers up to at least 1.31 (kubernetes#130263)',
      remedy: orphanAndResync,
    },
    ...['whenDeleted', 'whenScaled'].map(when => ({
      field: `spec.persistentVolumeClaimRetentionPolicy.${when}`,
      value: (m: Manifest) => m.spec?.persistentVolumeClaimRetentionPolicy?.[when] ?? 'Retain',
      onlyTo: 'Delete',
      severity: GuardSeverity.DATA_LOSS,
      message: `the claims of the replicas are deleted ${when === 'whenDeleted' ? 'with the StatefulSet' : 'when it scales down'}`,
      remedy: () => 'keep Retain, or back the data up first',
    })),
  ],
  StorageClass: [
    ...['parameters', 'provisioner'].map(field => ({
      field,
      value: (m: Manifest) => m[field] ?? (field === 'parameters' ? {} : undefined),
      severity: GuardSeverity.REFUSED,
      message: `updates to ${field} are forbidden`,
      remedy: newClass,
    })),
    { field: 'reclaimPolicy', value: m => m.reclaimPolicy ?? 'Delete', severity: GuardSeverity.REFUSED, message: 'updates to reclaimPolicy are forbidden', remedy: newClass },
    { field: 'volumeBindingMode', value: m => m.volumeBindingMode ?? 'Immediate', severity: GuardSeverity.REFUSED, message: 'updates to volumeBindingMode are forbidden', remedy: newClass },
  ],
  PersistentVolumeClaim: [
    ...['storageClassName', 'accessModes', 'selector'].map(field => ({
      field: `spec.${field}`,
      value: (m: Manifest) => m.spec?.[field],
      severity: GuardSeverity.REFUSED,
      message: 'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims',
      remedy: newClaim,
    })),
    { field: 'spec.volumeMode', value: m => m.spec?.volumeMode ?? 'Filesystem', severity: GuardSeverity.REFUSED, message: 'volumeMode is immutable', remedy: newClaim },
    {
      field: 'spec.volumeName',
      value: m => m.spec?.volumeName,
      onceSet: true,
      severity: GuardSeverity.REFUSED,
      message: 'volumeName may only be set once',
      remedy: newClaim,
    },
  ],
  PersistentVolume: [
    { field: 'spec (volume source)', value: pvSource, severity: GuardSeverity.REFUSED, message: 'spec.persistentvolumesource is immutable after creation', remedy: newVolume },
    { field: 'spec.volumeMode', value: m => m.spec?.volumeMode ?? 'Filesystem', severity: GuardSeverity.REFUSED, message: 'volumeMode is immutable', remedy: newVolume },
    { field: 'spec.nodeAffinity', value: m => m.spec?.nodeAffinity, onceSet: true, severity: GuardSeverity.REFUSED, message: 'nodeAffinity is immutable once set', remedy: newVolume },
    {
      field: 'spec.persistentVolumeReclaimPolicy',
      value: m => m.spec?.persistentVolumeReclaimPolicy ?? 'Retain',
      onlyTo: 'Delete',
      severity: GuardSeverity.DATA_LOSS,
      message: 'the volume and its data are deleted when its claim is',
      remedy: () => 'keep Retain',
    },
  ],
  CSIDriver: [
    { field: 'spec.attachRequired', value: m => m.spec?.attachRequired ?? true, severity: GuardSeverity.REFUSED, message: 'attachRequired is immutable', remedy: recreate('csidriver') },
    {
      field: 'spec.volumeLifecycleModes',
      value: m => m.spec?.volumeLifecycleModes ?? ['Persistent'],
      severity: GuardSeverity.REFUSED,
      message: 'volumeLifecycleModes is immutable',
      remedy: recreate('csidriver'),
    },
  ],
};

function recreate(resource: string) {
  return (m: Manifest) => `delete the object (kubectl delete ${resource} ${m.metadata?.name}${ns(m)}) and apply the new one`;
}

