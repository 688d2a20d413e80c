import * as kplus from 'cdk8s-plus-27';
import { k8s } from 'cdk8s-plus-27';
import { AccessMode } from '../core/access-mode';
import { checkItemPathProp } from '../core/api-props';
import { Schema, bool, checkArg, checkProps, enumOf, instanceOf, kubeStruct, mapOf, num, optional, requireInteger, size, str } from '../core/checks';
import { ClaimTemplate } from '../core/claim-template';
import { assignDefined } from '../core/defined';
import { invalid } from '../core/errors';
import { KubeJson } from '../core/kube-json';
import { NameRule, validateName } from '../core/names';
import { VolumeMode } from '../core/policies';
import { renderSize } from '../core/quantity';
import { VolumeClaim } from '../core/volume-claim';

/** Options of a volume made from a ConfigMap or a Secret. */
export interface ProjectedKeysOptions {
  /**
   * Only these keys, each mapped to a file path relative to the mount.
   *
   * @default - every key, as a file named after it
   */
  readonly items?: { [key: string]: string };
  /**
   * File mode bits of the files, for example `0o440`.
   *
   * @default 0o644 - files readable by everyone, writable by no one but root
   */
  readonly defaultMode?: number;
  /**
   * Whether the pod may start when the object does not exist.
   *
   * @default false - the pod waits until the object exists
   */
  readonly optional?: boolean;
}

/** Options of a pod volume made from a claim. */
export interface ClaimVolumeOptions {
  /**
   * The pod volume name (a DNS-1123 label).
   *
   * @default - the claim name
   */
  readonly name?: string;
  /**
   * Mount the claim read-only in every pod.
   *
   * @default false - read-write
   */
  readonly readOnly?: boolean;
}

/** Options of a generic ephemeral volume. */
export interface EphemeralVolumeOptions {
  /**
   * The pod volume name (a DNS-1123 label); each pod's claim is `<pod>-<name>`.
   *
   * @default - the template name
   */
  readonly name?: string;
}

const VOLUME_NAME = str('a volume name such as "config"');
const EMPTY_DIR_OPTIONS: Schema<kplus.EmptyDirVolumeOptions> = { medium: optional(enumOf(kplus.EmptyDirMedium, 'EmptyDirMedium')), sizeLimit: optional(size()) };
const PROJECTED_KEYS_OPTIONS: Schema<ProjectedKeysOptions> = {
  items: optional(mapOf(str())),
  defaultMode: optional(num()),
  optional: optional(bool()),
};
const CLAIM_VOLUME_OPTIONS: Schema<ClaimVolumeOptions> = { name: optional(str()), readOnly: optional(bool()) };
const EPHEMERAL_OPTIONS: Schema<EphemeralVolumeOptions> = { name: optional(str()) };

/**
 * A pod volume shared by the containers of each replica (not per-replica
 * storage: that is a `ClaimTemplate`): an emptyDir, a ConfigMap, a Secret, or
 * any Kubernetes volume through `fromKube`.
 *
 * Every pod volume that a `StatefulStore` mounts is written to the pod spec.
 */
export class PodVolume {
  /** A scratch directory that lives as long as the pod. */
  public static emptyDir(name: string, options: kplus.EmptyDirVolumeOptions = {}): PodVolume {
    const where = `PodVolume.emptyDir(${JSON.stringify(checkArg('PodVolume.emptyDir', 'name', name, VOLUME_NAME))})`;
    options = checkProps(where, options, EMPTY_DIR_OPTIONS, 'EmptyDirVolumeOptions');
    return new PodVolume(name, where, {
      emptyDir: assignDefined<KubeJson>({}, {
        medium: options.medium || undefined,
        sizeLimit: options.sizeLimit && renderSize(options.sizeLimit, where, 'sizeLimit'),
      }),
    });
  }

  /** The keys of a ConfigMap, as files. */
  public static configMap(name: string, configMapName: string, options: ProjectedKeysOptions = {}): PodVolume {
    const where = `PodVolume.configMap(${JSON.stringify(checkArg('PodVolume.configMap', 'name', name, VOLUME_NAME))})`;
    checkArg(where, 'configMapName', configMapName, str('a ConfigMap name'));
    options = checkProps(where, options, PROJECTED_KEYS_OPTIONS, 'ProjectedKeysOptions');
    validateName(configMapName, NameRule.DNS_SUBDOMAIN, where, 'configMapName');
    return new PodVolume(name, where, { configMap: { name: configMapName, ...projectedKeys(options, where) } });
  }

  /** The keys of a Secret, as files. The Secret itself is not synthesized: no secret data goes to Git. */
  public static secret(name: string, secretName: string, options: ProjectedKeysOptions = {}): PodVolume {
    const where = `PodVolume.secret(${JSON.stringify(checkArg('PodVolume.secret', 'name', name, VOLUME_NAME))})`;
    checkArg(where, 'secretName', secretName, str('a Secret name'));
    options = checkProps(where, options, PROJECTED_KEYS_OPTIONS, 'ProjectedKeysOptions');
    validateName(secretName, NameRule.DNS_SUBDOMAIN, where, 'secretName');
    return new PodVolume(name, where, { secret: { secretName, ...projectedKeys(options, where) } });
  }

  /**
   * One existing claim that every replica mounts (not per-replica storage:
   * that is a `ClaimTemplate`). A StatefulStore with several replicas accepts
   * only claims many nodes can use (ReadWriteMany, ReadOnlyMany); a Block claim
   * is exposed as a device.
   */
  public static fromClaim(claim: VolumeClaim, options: ClaimVolumeOptions = {}): PodVolume {
    checkArg('PodVolume.fromClaim', 'claim', claim, instanceOf(VolumeClaim, 'VolumeClaim', 'pass a claim from a backend, for example storage.claim(chart, "data", { storage })'));
    options = checkProps(`PodVolume.fromClaim(${JSON.stringify(claim.name)})`, options, CLAIM_VOLUME_OPTIONS, 'ClaimVolumeOptions');
    const volume = new PodVolume(options.name ?? claim.name, `PodVolume.fromClaim(${JSON.stringify(claim.name)})`, {
      persistentVolumeClaim: { claimName: claim.name, readOnly: options.readOnly },
    });
    volume.sharedClaim = claim;
    return volume;
  }

  /**
   * Scratch space from a backend's claim template: a generic ephemeral volume.
   * Each pod gets its own claim of the template's class and size, created
   * with the pod and deleted with it (not kept across restarts of the pod's
   * replacement, unlike a StatefulStore's `claim`). A Block template is
   * exposed as a device.
   *
   * @param template a template from a backend, for example `storage.claimTemplate("scratch", { storage })`
   * @param options the volume's name (the template's by default)
   */
  public static ephemeral(template: ClaimTemplate, options: EphemeralVolumeOptions = {}): PodVolume {
    checkArg('PodVolume.ephemeral', 'template', template, instanceOf(ClaimTemplate, 'ClaimTemplate', 'pass a template from a backend, for example storage.claimTemplate("scratch", { storage })'));
    options = checkProps(`PodVolume.ephemeral(${JSON.stringify(template.name)})`, options, EPHEMERAL_OPTIONS, 'EphemeralVolumeOptions');
    const volume = new PodVolume(options.name ?? template.name, `PodVolume.ephemeral(${JSON.stringify(template.name)})`, { ephemeral: template._toEphemeral() });
    volume.ephemeralTemplate = template;
    return volume;
  }

  /** Any volume source Kubernetes has, as the typed Kubernetes object: the escape hatch. */
  public static fromKube(volume: k8s.Volume): PodVolume {
    checkArg('PodVolume.fromKube', 'volume', volume, kubeStruct('k8s.Volume'));
    // Once, here: cdk8s-plus-27's converter writes its Quantity and IntOrString values as plain values.
    const { name, ...source } = k8s.toJson_Volume(volume)!;
    if (typeof name !== 'string') {
      throw invalid({ where: 'PodVolume.fromKube', prop: 'volume.name', value: name, allowed: 'the volume\'s name (a DNS-1123 label)', fix: 'give the volume a name, for example { name: "cache", emptyDir: {} }' });
    }
    return new PodVolume(name, `PodVolume.fromKube(${JSON.stringify(name)})`, source);
  }

  /** The pod volume name. */
  public readonly name: string;
  private readonly source: KubeJson;
  private sharedClaim?: VolumeClaim;
  private ephemeralTemplate?: ClaimTemplate;

  private constructor(name: string, where: string, source: KubeJson) {
    this.name = validateName(name, NameRule.DNS_LABEL, where, 'name');
    this.source = source;
  }

  /** @internal The template of an ephemeral volume: one claim per pod. */
  public get _ephemeralTemplate(): ClaimTemplate | undefined {
    return this.ephemeralTemplate;
  }

  /** @internal A raw device (a Block claim), exposed through volumeDevices. */
  public get _isDevice(): boolean {
    return (this.sharedClaim ?? this.ephemeralTemplate)?.volumeMode === VolumeMode.BLOCK;
  }

  /**
   * @internal Why `replicas` pods cannot share this volume, or undefined: a
   * claim one node (or one pod) owns strands every replica scheduled elsewhere.
   */
  public _sharingProblem(replicas: number): string | undefined {
    const mode = this.sharedClaim?.accessMode;
    if (replicas <= 1 || (mode !== AccessMode.READ_WRITE_ONCE && mode !== AccessMode.READ_WRITE_ONCE_POD)) return undefined;
    return `claim "${this.sharedClaim!.name}" is ${mode}, so ${replicas} replicas cannot all use it`;
  }

  /** @internal The pod spec `volumes` entry. */
  public _toKube(): KubeJson {
    return { name: this.name, ...this.source };
  }
}

function projectedKeys(options: ProjectedKeysOptions, where: string) {
  const mode = options.defaultMode;
  requireInteger(where, 'defaultMode', mode, { min: 0, max: 0o777, allowed: 'an integer from 0 to 0o777', fix: 'write the mode in octal, for example 0o440' });
  return {
    items: options.items && Object.entries(options.items).map(([key, path]) => {
      checkItemPathProp(path, where, `items["${key}"]`);
      return { key, path };
    }),
    defaultMode: mode,
    optional: options.optional,
  };
}
