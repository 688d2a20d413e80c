import { Chart, Size } from 'cdk8s';
import { IConstruct } from 'constructs';
import { invalid } from './errors';
import { KubeJson } from './kube-json';
import { VolumeMode } from './policies';
import { sizeInBytes } from './quantity';

/**
 * What a new claim is made from: a VolumeSnapshot (a restore) or another
 * claim (a clone), with what the provisioner compares. Built by
 * `VolumeSnapshot` and `VolumeClaim`; backends check it against the claim
 * they decide (`checkClaimSource`).
 */
export interface ClaimSource {
  /** The object referenced by `dataSourceRef`. */
  readonly ref: { readonly apiGroup?: string; readonly kind: 'VolumeSnapshot' | 'PersistentVolumeClaim'; readonly name: string };
  /** A clone (from a claim) rather than a restore (from a snapshot). */
  readonly isClone: boolean;
  /** The driver that made the source, when known. */
  readonly driver?: string;
  /** The source's size: the new volume must be at least as large. Unknown for a snapshot imported without its size. */
  readonly storage?: Size;
  /** The source's volume mode, when known. */
  readonly volumeMode?: VolumeMode;
  /** Whether a restore may change the volume mode (the content's allow-volume-mode-change annotation). */
  readonly volumeModeChangeAllowed: boolean;
  /** A clone's class: the clone must be of the same class. */
  readonly storageClassName?: string;
  /** The construct of the source, whose chart gives its namespace. */
  readonly construct: IConstruct;
}

/** What a backend decided about the claim made from a source. */
export interface SourcedClaim {
  /** The driver that provisions the claim: "ebs.csi.aws.com". */
  readonly driver: string;
  /** Whether that driver clones volumes (CLONE_VOLUME), from its facts; undefined when not known. */
  readonly cloning?: boolean;
  readonly storageClassName: string;
  readonly storage: Size;
  readonly volumeMode: VolumeMode;
}

/**
 * The external-provisioner's and the drivers' rules for a claim made from a
 * source (kubernetes-csi/external-provisioner pkg/controller/controller.go
 * getPVCSource and getSnapshotSource), checked when the claim is written
 * instead of leaving it Pending with a ProvisioningFailed event.
 */
export function checkClaimSource(source: ClaimSource, claim: SourcedClaim, where: string, prop: string): void {
  const fail = (allowed: string, fix: string) => {
    throw invalid({ where, prop, value: source.ref.name, allowed, fix });
  };
  if (source.driver !== undefined && source.driver !== claim.driver) {
    fail(`a source made by the claim's driver ${claim.driver}; it was made by ${source.driver}, and a driver restores and clones only its own volumes`,
      `restore from a snapshot of a ${claim.driver} volume, or make the claim on a class of ${source.driver}`);
  }
  if (source.isClone && claim.cloning === false) {
    fail(`a clone by a driver that clones volumes, and ${claim.driver} does not (it does not advertise CLONE_VOLUME)`,
      'take a VolumeSnapshot of the claim and restore it (restoreFrom) instead');
  }
  if (source.isClone && source.storageClassName !== claim.storageClassName) {
    fail(`a clone in the source's class "${source.storageClassName}", not "${claim.storageClassName}": `
      + 'external-provisioner refuses it ("the source PVC and destination PVCs must be in the same storage class for cloning")',
    'make the clone on the source claim\'s class');
  }
  if (source.volumeMode !== undefined && source.volumeMode !== claim.volumeMode && !source.volumeModeChangeAllowed) {
    fail(`a claim of the source's volume mode ${source.volumeMode}, not ${claim.volumeMode}: the provisioner refuses to change it`
      + (source.isClone ? '' : ' unless the snapshot content carries snapshot.storage.kubernetes.io/allow-volume-mode-change: "true"'),
    `ask for volumeMode ${source.volumeMode}`);
  }
  if (source.storage && sizeInBytes(claim.storage, where, 'storage') < sizeInBytes(source.storage, where, 'storage')) {
    fail(`a claim of at least the source's ${source.storage.asString()}, and it asks for ${claim.storage.asString()}: the provisioner refuses a smaller volume`,
      `ask for ${source.storage.asString()} or more`);
  }
}

/**
 * A claim may only be made from a source in its own namespace (cross-namespace
 * sources need the CrossNamespaceVolumeDataSource gate, off by default, and
 * a ReferenceGrant).
 */
export function checkSourceNamespace(source: ClaimSource, claimConstruct: IConstruct, where: string, prop: string): void {
  const [mine, theirs] = [Chart.of(claimConstruct).namespace, Chart.of(source.construct).namespace];
  if (mine === theirs) return;
  throw invalid({
    where,
    prop,
    value: source.ref.name,
    allowed: `a source in the claim's namespace (${mine ?? 'the namespace it is applied to'}); the source is in ${theirs ?? 'the namespace it is applied to'}, `
      + 'and a claim in another namespace cannot read it (CrossNamespaceVolumeDataSource is an alpha gate, off by default)',
    fix: 'make the claim in the source\'s chart or namespace, or snapshot the source where the claim is',
  });
}

/**
 * `dataSource` and `dataSourceRef`, both written: the API server copies one
 * into the other when only one is given, and a GitOps tool would then report
 * the copy as drift.
 */
export function renderClaimSource(source: ClaimSource): { dataSource: KubeJson; dataSourceRef: KubeJson } {
  const { apiGroup, kind, name } = source.ref;
  const ref = apiGroup ? { apiGroup, kind, name } : { kind, name };
  return { dataSource: ref, dataSourceRef: { ...ref } };
}
