import Ajv from 'ajv';
import { App, Chart, Testing } from 'cdk8s';
import * as models from 'kubernetes-models';

/** A synthesized Kubernetes object. */
export type Manifest = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; [key: string]: any }; [key: string]: any };

type Model = new (data: any) => { validate(): void };

/**
 * CRDs kubernetes-models does not ship: their openAPIV3Schema, from the CRD
 * upstream (kubernetes-csi/external-snapshotter, client/config/crd/
 * snapshot.storage.k8s.io_volumesnapshotclasses.yaml, version v1), closed to
 * unknown fields as the API server's strict field validation is.
 */
const CRD_SCHEMAS: { [apiVersionKind: string]: object } = {
  'snapshot.storage.k8s.io/v1/VolumeSnapshotClass': {
    type: 'object',
    required: ['apiVersion', 'kind', 'metadata', 'deletionPolicy', 'driver'],
    additionalProperties: false,
    properties: {
      apiVersion: { const: 'snapshot.storage.k8s.io/v1' },
      kind: { const: 'VolumeSnapshotClass' },
      metadata: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
      deletionPolicy: { enum: ['Delete', 'Retain'] },
      driver: { type: 'string' },
      parameters: { type: 'object', additionalProperties: { type: 'string' } },
      allowedTopologies: { type: 'array' },
    },
  },
  // client/config/crd/snapshot.storage.k8s.io_volumesnapshots.yaml (v1): source holds exactly one of a claim or a content.
  'snapshot.storage.k8s.io/v1/VolumeSnapshot': {
    type: 'object',
    required: ['apiVersion', 'kind', 'metadata', 'spec'],
    additionalProperties: false,
    properties: {
      apiVersion: { const: 'snapshot.storage.k8s.io/v1' },
      kind: { const: 'VolumeSnapshot' },
      metadata: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, namespace: { type: 'string' } } },
      spec: {
        type: 'object',
        required: ['source'],
        additionalProperties: false,
        properties: {
          source: {
            type: 'object',
            additionalProperties: false,
            properties: { persistentVolumeClaimName: { type: 'string' }, volumeSnapshotContentName: { type: 'string' } },
            oneOf: [{ required: ['persistentVolumeClaimName'] }, { required: ['volumeSnapshotContentName'] }],
          },
          volumeSnapshotClassName: { type: 'string' },
        },
      },
    },
  },
};
/**
 * VolumeAttributesClass (storage.k8s.io v1beta1 since Kubernetes 1.31, v1 in
 * 1.34), which kubernetes-models@4 (1.33 schemas, GA kinds) lacks: the fields
 * of k8s.io/api/storage/v1 and v1beta1 types.go VolumeAttributesClass
 * (driverName required, parameters a string map), closed to unknown fields.
 */
function volumeAttributesClassSchema(version: string): object {
  return {
    type: 'object',
    required: ['apiVersion', 'kind', 'metadata', 'driverName'],
    additionalProperties: false,
    properties: {
      apiVersion: { const: `storage.k8s.io/${version}` },
      kind: { const: 'VolumeAttributesClass' },
      metadata: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
      driverName: { type: 'string', minLength: 1 },
      parameters: { type: 'object', additionalProperties: { type: 'string' } },
    },
  };
}
CRD_SCHEMAS['storage.k8s.io/v1beta1/VolumeAttributesClass'] = volumeAttributesClassSchema('v1beta1');
CRD_SCHEMAS['storage.k8s.io/v1/VolumeAttributesClass'] = volumeAttributesClassSchema('v1');

const ajv = new Ajv({ allErrors: true });

function crdModel(apiVersion: string, kind: string): Model | undefined {
  const schema = CRD_SCHEMAS[`${apiVersion}/${kind}`];
  if (!schema) return undefined;
  const validate = ajv.compile(schema);
  return class {
    public constructor(private readonly data: any) {}
    public validate(): void {
      if (!validate(this.data)) throw new Error(ajv.errorsText(validate.errors));
    }
  };
}

/** "storage.k8s.io/v1" -> models.storageK8sIo.v1; "v1" -> models.v1. */
function modelFor(apiVersion: string, kind: string): Model | undefined {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const groupKey = group === '' ? undefined : group.replace(/\.([a-z])/g, (_, c: string) => c.toUpperCase());
  const groupModule: any = groupKey === undefined ? models : (models as any)[groupKey];
  return groupModule?.[version]?.[kind];
}

/**
 * Validates every manifest against the Kubernetes 1.33 OpenAPI schema
 * (kubernetes-models), and fails on a kind it has no schema for, so that no
 * synthesized object goes unchecked.
 */
export function expectValidManifests(manifests: readonly Manifest[]): void {
  for (const manifest of manifests) {
    const Model = modelFor(manifest.apiVersion, manifest.kind) ?? crdModel(manifest.apiVersion, manifest.kind);
    if (!Model) throw new Error(`no schema for ${manifest.apiVersion} ${manifest.kind} (${manifest.metadata?.name}): add one to test/helpers/manifests.ts`);
    try {
      new Model(manifest).validate();
    } catch (e) {
      throw new Error(`${manifest.kind} ${manifest.metadata?.name} fails the Kubernetes schema: ${(e as Error).message}`);
    }
  }
}

/** Synthesizes a chart, checks every manifest against the schema, and returns them. */
export function synthValid(chart: Chart): Manifest[] {
  const manifests = Testing.synth(chart) as Manifest[];
  expectValidManifests(manifests);
  return manifests;
}

/** Synthesizes every chart of an app (validations included), schema-checked. */
export function synthAppValid(app: App): Manifest[] {
  app.synth();
  const manifests = app.charts.flatMap(c => c.toJson()) as Manifest[];
  expectValidManifests(manifests);
  return manifests;
}

/** The one manifest of `kind` named `name`; fails when there is not exactly one. */
export function find(manifests: readonly Manifest[], kind: string, name?: string): Manifest {
  const matches = manifests.filter(m => m.kind === kind && (name === undefined || m.metadata.name === name));
  if (matches.length !== 1) throw new Error(`expected one ${kind}${name ? ` "${name}"` : ''}, found ${matches.length}`);
  return matches[0];
}

/** A fresh chart in a fresh test app. */
export function newChart(namespace?: string): Chart {
  return new Chart(Testing.app(), 'test', { namespace });
}

/** The annotations every claim, PV and StorageClass carries by default (PruneProtection.GITOPS). */
export const PRUNE_PROTECTED = {
  'argocd.argoproj.io/sync-options': 'Prune=false,Delete=false',
  'kustomize.toolkit.fluxcd.io/prune': 'disabled',
};
