import { Hit, Rule } from '../../analysis/rule';
import { Severity } from '../../analysis/severity';
import { CSI_SECRET_OPERATIONS } from '../../core/parameters';
import { objectAt } from '../../manifests/fields';
import { Inventory, pushTo, Workload } from '../../manifests/inventory';
import { Manifest, inNamespace, namespaceOf } from '../../manifests/manifest';

/** Key names that hold credentials. */
const CREDENTIAL_KEY = /pass(word|wd)?|secret|token|credential|access[-_]?key|private[-_]?key|api[-_]?key/i;
/** PV fields that name a Secret a CSI driver reads (core/v1 CSIPersistentVolumeSource). */
const PV_SECRET_REFS = ['controllerPublishSecretRef', 'nodeStageSecretRef', 'nodePublishSecretRef', 'controllerExpandSecretRef', 'nodeExpandSecretRef'];

/** A Secret a CSI driver reads, and who makes it read it. */
interface SecretReference { readonly namespace: string; readonly name: string; readonly reader: string }

/** A class parameter naming a Secret outside the csi.storage.k8s.io keys: secretName, adminSecretName, userSecretName. */
const IN_TREE_SECRET_NAME = /^([a-z]+S|s)ecretName$/;

/** The Secrets CSI drivers read: named by classes and PVs, or mounted by the drivers' own pods. */
function csiSecretReferences(inv: Inventory): SecretReference[] {
  const references: SecretReference[] = [];
  const add = (namespace: string, name: unknown, reader: string) => {
    // Templated names (${pvc.name}) are resolved per claim; nothing to look up here.
    if (typeof name === 'string' && !name.includes('${')) references.push({ namespace, name, reader });
  };
  for (const cls of inv.ofKind('StorageClass', 'VolumeSnapshotClass')) {
    const parameters = objectAt(cls, cls.parameters, 'parameters') ?? {};
    for (const op of CSI_SECRET_OPERATIONS) {
      const namespace = parameters[`csi.storage.k8s.io/${op}-secret-namespace`];
      add(typeof namespace === 'string' ? namespace : '', parameters[`csi.storage.k8s.io/${op}-secret-name`], `${cls.kind} ${cls.metadata!.name}`);
    }
    // The in-tree and driver-specific pairs: rbd and cephfs adminSecretName/adminSecretNamespace and userSecretName,
    // glusterfs and azure-file secretName/secretNamespace, StorageOS and Quobyte adminSecretName (kubernetes pkg/volume/*).
    for (const key of Object.keys(parameters).filter(k => IN_TREE_SECRET_NAME.test(k))) {
      const namespace = parameters[key.replace(/Name$/, 'Namespace')];
      add(typeof namespace === 'string' ? namespace : '', parameters[key], `${cls.kind} ${cls.metadata!.name}`);
    }
  }
  for (const pv of inv.ofKind('PersistentVolume')) {
    const csi = objectAt(pv, pv.spec?.csi, 'spec.csi') ?? {};
    for (const field of PV_SECRET_REFS) {
      const ref = objectAt(pv, csi[field], `spec.csi.${field}`);
      if (ref) add(typeof ref.namespace === 'string' ? ref.namespace : '', ref.name, `PersistentVolume ${pv.metadata!.name}`);
    }
  }
  for (const w of inv.workloads.filter(x => x.csiDriver)) {
    for (const name of w.secrets) add(namespaceOf(w.object), name, `${w.object.kind} ${w.object.metadata!.name}`);
  }
  return references;
}

/** The CSI driver workloads that read each ConfigMap, by its name. */
function configMapReadersOfDrivers(inv: Inventory): Map<string, Workload[]> {
  const readers = new Map<string, Workload[]>();
  for (const w of inv.workloads) {
    if (!w.csiDriver) continue;
    for (const name of w.configMaps) pushTo(readers, name, w);
  }
  return readers;
}

function hasValues(m: Manifest, field: 'data' | 'stringData'): boolean {
  const values = objectAt(m, m[field], field) ?? {};
  return Object.values(values).some(v => v !== '' && v !== null && v !== undefined);
}

/** Credential-named keys with a value, in a ConfigMap's data and in any JSON or YAML-ish values it holds. */
function credentialKeys(data: { [key: string]: any }): string[] {
  const found: string[] = [];
  const visit = (value: unknown, path: string) => {
    if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (CREDENTIAL_KEY.test(k) && typeof v === 'string' && v !== '') found.push(`${path}${k}`);
        else visit(v, `${path}${k}.`);
      }
    } else if (typeof value === 'string' && /^\s*[[{]/.test(value)) {
      try {
        visit(JSON.parse(value), path);
      } catch {
        // Not JSON: only its key was judged.
      }
    }
  };
  visit(data, '');
  return found;
}

export const CSI_PLAINTEXT_CREDENTIALS: Rule<Inventory> = {
  id: 'csi-plaintext-credentials',
  severity: Severity.ERROR,
  summary: 'CSI credentials written into the manifests: a Secret a class, PV or driver reads holds data, or a ConfigMap a driver reads holds passwords or keys. '
    + 'Secret data is base64, not encryption: it is in the Git history for good.',
  source: 'https://kubernetes-csi.github.io/docs/secrets-and-credentials-storage-class.html; https://kubernetes.io/docs/concepts/security/secrets-good-practices/',
  check: (inv: Inventory) => {
    // The references by Secret name: one lookup per Secret, however many classes and PVs name Secrets.
    const referencesByName = new Map<string, SecretReference[]>();
    for (const r of csiSecretReferences(inv)) pushTo(referencesByName, r.name, r);
    const hits: Hit[] = [];
    for (const secret of inv.ofKind('Secret')) {
      const by = (referencesByName.get(secret.metadata!.name!) ?? []).filter(r => inNamespace(namespaceOf(secret), r.namespace)).map(r => r.reader);
      const field = hasValues(secret, 'stringData') ? 'stringData' : hasValues(secret, 'data') ? 'data' : undefined;
      if (by.length === 0 || !field) continue;
      hits.push({
        object: secret,
        field,
        message: `Secret ${secret.metadata!.name} holds credentials that ${[...new Set(by)].join(', ')} read, in plain text (base64 is not encryption) `
          + 'in manifests that go to Git',
        fix: 'remove the Secret from the manifests and create it out of band (kubectl create secret), or through Sealed Secrets, SOPS or External Secrets',
      });
    }
    const readers = configMapReadersOfDrivers(inv);
    for (const cm of inv.ofKind('ConfigMap')) {
      if (!(readers.get(cm.metadata!.name!) ?? []).some(w => inNamespace(namespaceOf(cm), namespaceOf(w.object)))) continue;
      const keys = credentialKeys(objectAt(cm, cm.data, 'data') ?? {});
      if (keys.length === 0) continue;
      hits.push({
        object: cm,
        field: `data.${keys[0]}`,
        message: `ConfigMap ${cm.metadata!.name}, read by a CSI driver, holds credentials (${keys.join(', ')}) in plain text`,
        fix: 'move the credentials to a Secret created out of band, and keep only non-secret settings in the ConfigMap',
      });
    }
    return hits;
  },
};
