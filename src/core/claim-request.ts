import { Size } from 'cdk8s';
import { renderAccessModes } from './access-mode';
import { ClaimSource, renderClaimSource } from './claim-source';
import { assignDefined } from './defined';
import { KubeJson } from './kube-json';
import { VolumeMode } from './policies';
import { renderSize } from './quantity';

/**
 * Everything a backend decided about a claim, in Kubernetes terms. Backends
 * build it from their own typed options; `VolumeClaim` and `ClaimTemplate`
 * render it. Internal: users never write one, so a claim can only come from
 * a backend that checked it.
 */
export interface ClaimRequest {
  /** Where the claim was asked for, for error messages. */
  readonly where: string;
  /** `spec.storageClassName`; "" binds only to PVs without a class (static provisioning). */
  readonly storageClassName: string;
  /** The access mode, a value of any backend's access-mode enum. */
  readonly accessMode: string;
  readonly storage: Size;
  readonly volumeMode: VolumeMode;
  /**
   * The size of the volume the driver makes: the request rounded up to the
   * driver's allocation unit (the block drivers make whole GiB). A snapshot
   * of the volume has this size, and a restore must ask for at least it.
   *
   * @default - the request
   */
  readonly capacity?: Size;
  /** The driver that provisions the claim (a CSI driver name, or kubernetes.io/no-provisioner), when the backend knows it. */
  readonly driver?: string;
  /** A snapshot to restore or a claim to clone, already checked against this request (`checkClaimSource`). */
  readonly source?: ClaimSource;
  /** `spec.volumeAttributesClassName`: the VolumeAttributesClass the driver applies to the volume. */
  readonly volumeAttributesClassName?: string;
  /** Pre-binds the claim to this PV (static provisioning). */
  readonly volumeName?: string;
  /** Restricts binding to PVs with these labels (static provisioning). */
  readonly selectorLabels?: { [key: string]: string };
  /**
   * Run when the app is synthesized (so volumes added later count): why
   * `count` claims like this one could never bind, or undefined if they can.
   * Backends with a known set of volumes (local disks, an NFS export) supply it.
   */
  readonly bindingProblem?: (count: number) => BindingProblem | undefined;
}

/** Why claims could never bind, in the words of the error shape: what they need and have, and the fix. */
export interface BindingProblem {
  /** What the claims need and what the volumes hold: "a disk of at least 2Ti with ReadWriteOnce of class "ssd", and the largest holds 1Ti". */
  readonly why: string;
  readonly fix: string;
}

/** Renders the PVC spec of a request; the storage quantity is exactly what the user asked for. */
export function renderClaimSpec(request: ClaimRequest): KubeJson {
  return assignDefined<KubeJson>({
    storageClassName: request.storageClassName,
    accessModes: renderAccessModes([request.accessMode], request.where, 'accessMode'),
    volumeMode: request.volumeMode,
    resources: { requests: { storage: renderSize(request.storage, request.where, 'storage') } },
  }, {
    volumeName: request.volumeName,
    selector: request.selectorLabels ? { matchLabels: request.selectorLabels } : undefined,
    volumeAttributesClassName: request.volumeAttributesClassName,
    ...(request.source ? renderClaimSource(request.source) : {}),
  });
}
