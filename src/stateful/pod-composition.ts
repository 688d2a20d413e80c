import { posix } from 'path';
import * as kplus from 'cdk8s-plus-27';
import { k8s } from 'cdk8s-plus-27';
import { PodVolume } from './pod-volume';
import { StoreContainerOptions, StorePort, StoreVolumeMount } from './store-container';
import { checkSubPathProp } from '../core/api-props';
import { requireInteger } from '../core/checks';
import { ClaimTemplate } from '../core/claim-template';
import { assignDefined } from '../core/defined';
import { invalid } from '../core/errors';
import { KubeJson } from '../core/kube-json';
import { NameRule, validateName } from '../core/names';
import { VolumeMode } from '../core/policies';

// IANA_SVC_NAME (apimachinery util/validation): port names.
const PORT_NAME = /^(?=.{1,15}$)(?=.*[a-z])[a-z0-9]+(-[a-z0-9]+)*$/;

interface ContainerEntry {
  readonly name: string;
  readonly options: StoreContainerOptions;
  readonly mounts: StoreVolumeMount[];
  readonly ports: Required<StorePort>[];
}

/**
 * The containers of a StatefulStore's pod and everything they mount, kept
 * consistent as they are added: unique container, port and volume names, one
 * path per mount, every mounted volume and template present exactly once.
 */
export class PodComposition {
  private readonly containers: ContainerEntry[] = [];
  // Lists, not Maps: a pod mounts a handful of volumes, and a store holds these for its lifetime.
  private readonly templates: ClaimTemplate[] = [];
  private readonly podVolumes: PodVolume[] = [];

  /**
   * @param onNewTemplate called once for each claim template the pod uses
   * (volumeClaimTemplates and ephemeral volumes), for the store's own checks
   */
  public constructor(
    private readonly where: string,
    private readonly replicas: number,
    private readonly onNewTemplate: (template: ClaimTemplate) => void,
  ) {}

  public addContainer(name: string, options: StoreContainerOptions): void {
    validateName(name, NameRule.DNS_LABEL, this.where, 'container name');
    if (this.containers.some(c => c.name === name)) {
      this.fail('container name', name, 'a name no other container of the pod has', 'rename one of the containers');
    }
    if (!options.image || options.image.trim() !== options.image) {
      this.fail(`image of container "${name}"`, options.image, 'a non-empty image reference without spaces', 'set image, for example "registry.k8s.io/nginx-slim:0.8"');
    }
    const entry: ContainerEntry = { name, options, mounts: [], ports: [] };
    this.containers.push(entry);
    const ports = [...(options.port === undefined ? [] : [{ number: options.port }]), ...(options.ports ?? [])];
    ports.forEach(p => this.addPort(entry, p));
    (options.volumes ?? []).forEach(m => this.addMount(name, m));
  }

  public addMount(containerName: string, mount: StoreVolumeMount): void {
    const container = this.containers.find(c => c.name === containerName)!;
    const prop = `volumes of container "${containerName}"`;
    if (!mount.mountPath.startsWith('/')) {
      // posix.resolve gives a suggestion that is itself valid ("../x" becomes "/x", not "/../x").
      this.fail(prop, mount.mountPath, 'an absolute mountPath', `write an absolute path such as "${posix.resolve('/', mount.mountPath)}"`);
    }
    // "/a" and "/a/" are one directory: the API server takes both, and the container runtime refuses the pod (duplicate mount point).
    if (container.mounts.some(m => samePath(m.mountPath, mount.mountPath))) {
      this.fail(prop, mount.mountPath, 'each mountPath once per container (as a directory: "/a" and "/a/" are one)', 'mount the second volume at another path');
    }
    checkSubPathProp(mount.subPath, this.where, `subPath of the mount at "${mount.mountPath}" in container "${containerName}"`);
    if ((mount.claim === undefined) === (mount.volume === undefined)) {
      this.fail(prop, mount.mountPath, 'exactly one of claim (per-replica storage) or volume (a pod volume)', 'give either claim or volume for this mount');
    }
    if (mount.claim) this.addTemplate(mount.claim, mount, prop);
    if (mount.volume) this.addPodVolume(mount.volume, mount, prop);
    container.mounts.push(mount);
  }

  /** The templates in the order they were first mounted. */
  public get claimTemplates(): ClaimTemplate[] {
    return [...this.templates];
  }

  public renderContainers(): KubeJson[] {
    return this.containers.map(c => renderContainer(c));
  }

  public renderVolumes(): KubeJson[] | undefined {
    const volumes = this.podVolumes.map(v => v._toKube());
    return volumes.length > 0 ? volumes : undefined;
  }

  public renderServicePorts(): KubeJson[] | undefined {
    // Loops rather than flatMap: rendered once per store at synthesis, for every store of the app.
    const ports: KubeJson[] = [];
    for (const c of this.containers) {
      for (const p of c.ports) ports.push({ name: p.name, port: p.number, targetPort: p.name, protocol: p.protocol });
    }
    return ports.length > 0 ? ports : undefined;
  }

  private addPort(container: ContainerEntry, port: StorePort): void {
    const protocol = port.protocol ?? kplus.Protocol.TCP;
    const prop = `ports of container "${container.name}"`;
    requireInteger(this.where, prop, port.number, { min: 1, max: 65535, allowed: 'an integer port number from 1 to 65535', fix: 'use the port the process listens on' });
    const name = port.name ?? `${protocol === kplus.Protocol.TCP ? 'port' : protocol.toLowerCase()}-${port.number}`;
    if (!PORT_NAME.test(name)) {
      this.fail(prop, name, 'a port name of at most 15 lower-case letters, digits and single "-", with at least one letter', 'choose a short name such as "http" or "cql"');
    }
    if (this.containers.some(c => c.ports.some(p => p.name === name || (p.number === port.number && p.protocol === protocol)))) {
      this.fail(prop, `${name} (${port.number}/${protocol})`, 'each port name, and each number and protocol, once in the pod', 'remove the duplicate port or give it another name');
    }
    container.ports.push({ number: port.number, name, protocol });
  }

  private addTemplate(template: ClaimTemplate, mount: StoreVolumeMount, prop: string): void {
    const known = this.templates.find(t => t.name === template.name);
    if (known !== undefined && known !== template) {
      this.fail(prop, template.name, 'one claim template per name', 'give the templates distinct names (each becomes a PVC name prefix), or mount the same template object twice');
    }
    if (this.podVolumes.some(v => v.name === template.name)) {
      this.fail(prop, template.name, 'a template name that no pod volume uses', 'rename the template or the pod volume');
    }
    if (template.volumeMode === VolumeMode.BLOCK && (mount.readOnly || mount.subPath)) {
      this.fail(prop, mount.mountPath, 'a Block device without readOnly or subPath', 'remove readOnly and subPath, or use a Filesystem claim');
    }
    if (known) return;
    this.onNewTemplate(template);
    this.templates.push(template);
  }

  private addPodVolume(volume: PodVolume, mount: StoreVolumeMount, prop: string): void {
    const sharing = volume._sharingProblem(this.replicas);
    if (sharing) {
      this.fail(prop, volume.name, 'a claim that many nodes can use (ReadWriteMany, ReadOnlyMany) when there are several replicas', `${sharing}: use a claim template for per-replica storage`);
    }
    if (volume._isDevice && (mount.readOnly || mount.subPath)) {
      this.fail(prop, mount.mountPath, 'a Block device without readOnly or subPath', 'remove readOnly and subPath');
    }
    const known = this.podVolumes.find(v => v.name === volume.name);
    if ((known !== undefined && known !== volume) || this.templates.some(t => t.name === volume.name)) {
      this.fail(prop, volume.name, 'one volume per name in the pod', 'give the volumes distinct names, or reuse the same PodVolume object');
    }
    if (known) return;
    const template = volume._ephemeralTemplate;
    if (template) this.onNewTemplate(template);
    this.podVolumes.push(volume);
  }

  private fail(prop: string, value: unknown, allowed: string, fix: string): never {
    throw invalid({ where: this.where, prop, value, allowed, fix });
  }
}

/**
 * A container as JSON. The structs users pass in cdk8s-plus-27's `k8s` types
 * (resources, probes, security context, env sources) go through its
 * converters, which write Quantity and IntOrString values as plain values.
 */
function renderContainer(c: ContainerEntry): KubeJson {
  const o = c.options;
  const isDevice = (m: StoreVolumeMount) => m.claim?.volumeMode === VolumeMode.BLOCK || m.volume?._isDevice === true;
  const nameOf = (m: StoreVolumeMount) => (m.claim ?? m.volume)!.name;
  const mounts = c.mounts.filter(m => !isDevice(m))
    .map(m => assignDefined<KubeJson>({ name: nameOf(m), mountPath: m.mountPath }, { readOnly: m.readOnly, subPath: m.subPath }));
  const devices = c.mounts.filter(isDevice).map(m => ({ name: nameOf(m), devicePath: m.mountPath }));
  return assignDefined<KubeJson>({ name: c.name, image: o.image }, {
    imagePullPolicy: o.imagePullPolicy,
    command: o.command,
    args: o.args,
    workingDir: o.workingDir,
    env: o.env && Object.entries(o.env)
      .map(([name, v]) => assignDefined<KubeJson>({ name }, { value: v.value, valueFrom: k8s.toJson_EnvVarSource(v.valueFrom) })),
    ports: c.ports.length > 0 ? c.ports.map(p => ({ name: p.name, containerPort: p.number, protocol: p.protocol })) : undefined,
    resources: k8s.toJson_ResourceRequirements(o.resources),
    readinessProbe: k8s.toJson_Probe(o.readinessProbe),
    livenessProbe: k8s.toJson_Probe(o.livenessProbe),
    startupProbe: k8s.toJson_Probe(o.startupProbe),
    securityContext: k8s.toJson_SecurityContext(o.securityContext),
    volumeMounts: mounts.length > 0 ? mounts : undefined,
    volumeDevices: devices.length > 0 ? devices : undefined,
  });
}

/** Whether two absolute paths name one directory ("/a", "/a/", "/a//" and "/a/."). */
function samePath(a: string, b: string): boolean {
  const clean = (p: string) => posix.normalize(p).replace(/(.)\/+$/, '$1');
  return clean(a) === clean(b);
}
