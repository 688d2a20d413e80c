import { Chart, Size } from 'cdk8s';
import { IConstruct } from 'constructs';
import { invalid } from './errors';
import { KubeJson } from './kube-json';
import { VolumeMode } from './policies';
import { sizeInBytes } from './quantity';
import type { VolumeClaim } from './volume-claim';
import type { VolumeSnapshot } from './volume-snapshot';

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
  /**
   * How a restore's size relates to the snapshot's, by the driver: at least
   * the source's (the provisioner refuses less; the block drivers), exactly
   * (spdk-csi makes the clone without a size: a larger request silently gets
   * the snapshot's size), or not judged (csi-driver-nfs reports the size of
   * its archive, not of the volume).
   *
   * @default 'minimum'
   */
  readonly restoreSize?: 'minimum' | 'exact' | 'unchecked';
}

/** The options of a claim its driver can make from a source; each backend's options declare only those its driver serves. */
export interface SourceOptions {
  readonly restoreFrom?: VolumeSnapshot;
  readonly cloneFrom?: VolumeClaim;
}

/** The source of a claim from its options, checked (`checkClaimSource`); undefined for an empty volume. */
export function claimSourceOf(options: SourceOptions, claim: SourcedClaim, where: string): ClaimSource | undefined {
  if (options.restoreFrom && options.cloneFrom) {
    throw invalid({ where, prop: 'cloneFrom', value: options.cloneFrom.name, allowed: 'one source: restoreFrom or cloneFrom', fix: 'remove one of them' });
  }
  const source = options.restoreFrom?._restoreSource() ?? options.cloneFrom?._cloneSource();
  if (source) checkClaimSource(source, claim, where, source.isClone ? 'cloneFrom' : 'restoreFrom');
  return source;
}

/**
 * The external-provisioner's and the drivers' rules for a claim made from a
 * source (kubernetes-csi/external-provisioner pkg/controller/controller.go
 * getPVCSource and getSnapshotSource), checked when the claim is written
 * instead of leaving it Pending with a ProvisioningFailed event.
 */
export function checkClaimSource(source: ClaimSource, claim: SourcedClaim, where: string, prop: string): void {
  const fail = (allowed: string, fix: string): never => {
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
  checkSize(source, claim, where, fail);
}

/** The size rule of the claim's driver (see `SourcedClaim.restoreSize`); clones are always at least the source's size. */
function checkSize(source: ClaimSource, claim: SourcedClaim, where: string, fail: (allowed: string, fix: string) => never): void {
  const rule = source.isClone ? 'minimum' : claim.restoreSize ?? 'minimum';
  if (!source.storage || rule === 'unchecked') return;
  const [asked, has] = [sizeInBytes(claim.storage, where, 'storage'), sizeInBytes(source.storage, where, 'storage')];
  if (asked < has) {
    fail(`a claim of at least the source's ${source.storage.asString()}, and it asks for ${claim.storage.asString()}: the provisioner refuses a smaller volume`,
      `ask for ${source.storage.asString()} or more`);
  }
  if (rule === 'exact' && asked > has) {
    fail(`a claim of exactly the snapshot's ${source.storage.asString()}, and it asks for ${claim.storage.asString()}: ${claim.driver} restores a snapshot at its own size `
      + 'and does not grow it, so the claim would report space the volume does not have', `ask for ${source.storage.asString()}`);
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
