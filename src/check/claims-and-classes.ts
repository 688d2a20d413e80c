import { parseQuantity } from '../core/quantity';
import { NO_PROVISIONER, Served, VolumeDriver } from '../core/volume-driver';
import { driverOf, platformClass } from '../drivers';
import { objectsAt, quantityAt, stringsAt } from '../manifests/fields';
import { Inventory } from '../manifests/inventory';
import { Manifest, namespaceOf, storageClassNameOf } from '../manifests/manifest';

/** A claim, or a StatefulSet's claim template, with where it sits. */
export interface ClaimView {
  /** The object a finding is reported on: the claim, or the StatefulSet. */
  readonly owner: Manifest;
  /** The path of the claim's spec in `owner`. */
  readonly specPath: string;
  /** For messages: `claim data` or `template data of StatefulSet db`. */
  readonly label: string;
  readonly spec: { [key: string]: any };
  readonly namespace: string;
  readonly accessModes: string[];
  readonly volumeMode: string;
  /** The class it names (the beta annotation, then storageClassName); undefined when it names none. */
  readonly className: string | undefined;
}

/** Every claim and claim template in the manifests, read once for the several rules that judge them. */
export function allClaims(inv: Inventory): ClaimView[] {
  return inv.remember('claims', () => readClaims(inv));
}

function readClaims(inv: Inventory): ClaimView[] {
  const claims: ClaimView[] = [...inv.claims.values()].map(m => view(m, m, 'spec', `claim ${m.metadata!.name}`));
  for (const sts of inv.ofKind('StatefulSet')) {
    objectsAt(sts, sts.spec?.volumeClaimTemplates, 'spec.volumeClaimTemplates').forEach(t => {
      claims.push(view(sts, t, `spec.volumeClaimTemplates[${t.metadata.name}].spec`, `template ${t.metadata.name} of StatefulSet ${sts.metadata!.name}`));
    });
  }
  return claims;
}

function view(owner: Manifest, claim: { [key: string]: any }, specPath: string, label: string): ClaimView {
  const spec = claim.spec ?? {};
  return {
    owner,
    specPath,
    label,
    spec,
    namespace: namespaceOf(owner),
    accessModes: stringsAt(owner, spec.accessModes, `${specPath}.accessModes`),
    volumeMode: spec.volumeMode ?? 'Filesystem',
    className: storageClassNameOf(claim),
  };
}

/** The claims (PersistentVolumeClaims, not templates) of the manifests by their object: one lookup per reference, indexed once. */
export function claimsByObject(inv: Inventory): Map<Manifest, ClaimView> {
  return inv.remember('claims by object', () => new Map(allClaims(inv).filter(c => c.owner.kind === 'PersistentVolumeClaim').map(c => [c.owner, c])));
}

/** A StorageClass as the rules need it: from the manifests, or a platform's pre-installed class. */
export interface ClassView {
  readonly name: string;
  readonly provisioner: string;
  readonly parameters: { [key: string]: string };
  /** For messages: `class "gp2"` or `class "gp2" (EKS's pre-installed class)`. */
  readonly label: string;
}

/**
 * Answers per inventory, question and class name, computed on first use: the
 * rules ask the same question (which class, what it serves, its largest local
 * PV) of every claim of a class, so each is answered once per class, not once
 * per claim.
 */
function answer<T>(inv: Inventory, question: string, className: string | undefined, compute: () => T): T {
  // One map per question, keyed by class name: no key string is built per claim.
  const answers = inv.remember(`answers: ${question}`, () => new Map<string | undefined, unknown>());
  if (!answers.has(className)) answers.set(className, compute());
  return answers.get(className) as T;
}

/** The class a claim gets: the one it names, the manifests' default class, or a platform's class; undefined when unknown or static (""). */
export function classOf(inv: Inventory, claim: ClaimView): ClassView | undefined {
  const name = claim.className;
  if (name === '') return undefined;
  return answer(inv, 'class', name, () => readClass(inv, name));
}

function readClass(inv: Inventory, name: string | undefined): ClassView | undefined {
  const object = name === undefined ? inv.defaultClass : inv.classes.get(name);
  if (object) {
    return { name: object.metadata!.name!, provisioner: object.provisioner, parameters: object.parameters ?? {}, label: `class "${object.metadata!.name}"` };
  }
  const known = name === undefined ? undefined : platformClass(name);
  return known && {
    name: name!,
    provisioner: known.driver.facts.provisioner,
    parameters: { ...known.platformClass.parameters },
    label: `class "${name}" (${known.platformClass.platform}'s pre-installed class)`,
  };
}

/** What a class serves, from the drivers' registry (the same facts the constructs use). */
export interface ClassServes extends Served {
  /** The driver's label: "AWS EBS". */
  readonly label: string;
  /** The driver's CSI name. */
  readonly driver: string;
}

/** What `cls` serves to a claim of `volumeMode`; undefined when the class's driver is not in the registry. */
export function servedBy(inv: Inventory, cls: ClassView, volumeMode: string): ClassServes | undefined {
  return answer(inv, volumeMode === 'Block' ? 'serves Block' : 'serves Filesystem', cls.name, () => readServes(inv, cls, volumeMode));
}

function readServes(inv: Inventory, cls: ClassView, volumeMode: string): ClassServes | undefined {
  const driver = driverOf(cls.provisioner);
  if (!driver || (driver.claimsClassWith && !driver.claimsClassWith(inv.volumesByClass.get(cls.name) ?? []))) return undefined;
  return { label: driver.facts.label, driver: driver.facts.provisioner, ...driver.serves(cls.parameters, volumeMode) };
}

/** A class whose PVs in the manifests make it a local-volume class (the registry's driver for classes without a provisioner). */
export function isLocalClass(inv: Inventory, className: string): boolean {
  return answer(inv, 'local', className, () => localVolumes().claimsClassWith!(inv.volumesByClass.get(className) ?? []));
}

/** The PV of a class that holds the most, and how much (in parseQuantity's thousandths); undefined for a class without PVs. */
export function largestVolume(inv: Inventory, className: string): { readonly pv: Manifest; readonly thousandths: bigint } | undefined {
  return answer(inv, 'largest', className, () => {
    let largest: { pv: Manifest; thousandths: bigint } | undefined;
    for (const pv of inv.volumesByClass.get(className) ?? []) {
      // The shape check has made sure every PV states a quantity.
      const thousandths = parseQuantity(String(pv.spec.capacity.storage))!;
      if (!largest || thousandths > largest.thousandths) largest = { pv, thousandths };
    }
    return largest;
  });
}

/** The driver of classes without a provisioner, whose PVs are local volumes: its facts decide the local rules. */
export function localVolumes(): VolumeDriver {
  return driverOf(NO_PROVISIONER)!;
}

/** The size a claim asks for, or undefined when it asks for none (a template may leave it out; the API server then refuses the pod's claim). */
export function requestedSize(claim: ClaimView): { readonly text: string; readonly thousandths: bigint } | undefined {
  const value = claim.spec.resources?.requests?.storage;
  if (value === undefined) return undefined;
  return { text: String(value), thousandths: quantityAt(claim.owner, value, `${claim.specPath}.resources.requests.storage`) };
}

/** The zones a class's allowedTopologies allow (on any zone label key), or undefined when it names none; a wrong shape is an input error. */
export function allowedZones(cls: Manifest): string[] | undefined {
  const zones = objectsAt(cls, cls.allowedTopologies, 'allowedTopologies').flatMap((term, i) =>
    objectsAt(cls, term.matchLabelExpressions, `allowedTopologies[${i}].matchLabelExpressions`).flatMap((e, j) =>
      (typeof e.key === 'string' && e.key.endsWith('zone') ? stringsAt(cls, e.values, `allowedTopologies[${i}].matchLabelExpressions[${j}].values`) : [])));
  return zones.length > 0 ? zones : undefined;
}

/** The labels that name one node. */
const ONE_NODE_KEYS = ['kubernetes.io/hostname'];

/** The node a PV's affinity pins it to, or undefined when it allows more than one (several terms, or a term that does not name one host). */
export function singleNode(pv: Manifest): string | undefined {
  const path = 'spec.nodeAffinity.required.nodeSelectorTerms';
  const nodes = new Set(objectsAt(pv, pv.spec?.nodeAffinity?.required?.nodeSelectorTerms, path).map((term, i) => {
    const pins = objectsAt(pv, term.matchExpressions, `${path}[${i}].matchExpressions`)
      .filter(e => ONE_NODE_KEYS.includes(e.key) && e.operator === 'In')
      .map((e, j) => stringsAt(pv, e.values, `${path}[${i}].matchExpressions[${j}].values`))
      .filter(values => values.length === 1);
    return pins.length > 0 ? pins[0][0] : undefined;
  }));
  return nodes.size === 1 && !nodes.has(undefined) ? [...nodes][0] : undefined;
}

/**
 * Provisioners whose volumes are one node's disk, with node affinity to that
 * node (so the scheduler puts every pod of the claim there): TopoLVM
 * ("a specific implementation of local persistent volumes", topolvm README),
 * OpenEBS LVM, ZFS and hostpath/device LocalPV (openebs docs, "Local PV"),
 * Rancher local-path-provisioner, and the CSI hostpath driver (one node's
 * topology per volume).
 */
export const NODE_LOCAL_PROVISIONERS: readonly string[] = ['topolvm.io', 'topolvm.cybozu.com', 'lvm.csi.openebs.io', 'local.csi.openebs.io', 'zfs.csi.openebs.io',
  'openebs.io/local', 'rancher.io/local-path', 'hostpath.csi.k8s.io',
  // The name older ZFS LocalPV releases registered (their deploy/sample classes use it).
  'zfs-localpv'];

/**
 * Whether a claim's volume is pinned to one node: its class is a node-local
 * provisioner's, or a class without a provisioner whose PVs are local volumes.
 * Every pod that mounts it runs on that node, so a ReadWriteOnce volume is
 * never asked to attach to a second one.
 */
export function isNodeLocalClaim(inv: Inventory, claim: Manifest): boolean {
  const name = storageClassNameOf(claim);
  const cls = name === undefined ? inv.defaultClass : inv.classes.get(name);
  if (cls && NODE_LOCAL_PROVISIONERS.includes(cls.provisioner)) return true;
  return name !== undefined && name !== '' && (cls === undefined || cls.provisioner === NO_PROVISIONER) && isLocalClass(inv, name);
}
