import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { App, Chart, Testing } from 'cdk8s';
import * as models from 'kubernetes-models';

/** A synthesized Kubernetes object. */
export type Manifest = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; [key: string]: any }; [key: string]: any };

type Model = new (data: any) => { validate(): void };

/**
 * Schemas kubernetes-models@4 (Kubernetes 1.33) does not ship, vendored in
 * test/schemas with their sources (SOURCES.json there): the v1 openAPIV3Schema
 * of the three external-snapshotter CRDs, and VolumeAttributesClass
 * storage.k8s.io/v1 from Kubernetes 1.34's OpenAPI document. Objects are
 * closed to unknown fields, as the API server's strict field validation
 * (kubectl's default) is, and the CRDs' CEL rules that judge a new object
 * are run beside them (test/schemas/SOURCES.json, crdCelRules below).
 */
const SCHEMA_DIR = path.join(__dirname, '..', 'schemas');
const readSchema = (file: string) => JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, file), 'utf8'));

/** Every object schema with properties and no stance on other fields gets additionalProperties: false (strict field validation). */
function closed(schema: any): any {
  if (Array.isArray(schema)) return schema.map(closed);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: any = {};
  for (const [key, value] of Object.entries(schema)) out[key] = key === 'properties' ? Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, closed(v)])) : closed(value);
  if (out.properties && out.additionalProperties === undefined && !out['x-kubernetes-preserve-unknown-fields']) out.additionalProperties = false;
  return out;
}

/** metadata of a CRD object: the API server validates it as ObjectMeta, which kubernetes-models judges for the built-in kinds. */
function withObjectMeta(schema: any, apiVersion: string, kind: string): any {
  return {
    ...schema,
    required: [...new Set([...(schema.required ?? []), 'apiVersion', 'kind', 'metadata'])],
    properties: {
      ...schema.properties,
      apiVersion: { const: apiVersion },
      kind: { const: kind },
      metadata: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, namespace: { type: 'string' }, annotations: { type: 'object', additionalProperties: { type: 'string' } }, labels: { type: 'object', additionalProperties: { type: 'string' } } }, additionalProperties: false },
    },
  };
}

/**
 * VolumeAttributesClass from the 1.34 OpenAPI document: its own properties,
 * with ObjectMeta as above. v1beta1 (1.31 to 1.33) has the same fields
 * (k8s.io/api storage/v1beta1 types.go), so guard's cases of older manifests use it too.
 */
function volumeAttributesClassSchema(version: string): object {
  const doc = readSchema('VolumeAttributesClass.v1.openapi.json');
  const vac = doc.components.schemas['io.k8s.api.storage.v1.VolumeAttributesClass'];
  const properties = Object.fromEntries(Object.entries(vac.properties).filter(([k]) => k !== 'metadata').map(([k, v]: [string, any]) => [k, { type: v.type, ...(v.additionalProperties ? { additionalProperties: { type: v.additionalProperties.type } } : {}) }]));
  return withObjectMeta({ type: 'object', required: vac.required, properties, additionalProperties: false }, `storage.k8s.io/${version}`, 'VolumeAttributesClass');
}

const SNAPSHOT_API = 'snapshot.storage.k8s.io/v1';
const CRD_SCHEMAS: { [apiVersionKind: string]: object } = {
  [`${SNAPSHOT_API}/VolumeSnapshotClass`]: withObjectMeta(closed(readSchema('VolumeSnapshotClass.v1.schema.json')), SNAPSHOT_API, 'VolumeSnapshotClass'),
  [`${SNAPSHOT_API}/VolumeSnapshot`]: withObjectMeta(closed(readSchema('VolumeSnapshot.v1.schema.json')), SNAPSHOT_API, 'VolumeSnapshot'),
  [`${SNAPSHOT_API}/VolumeSnapshotContent`]: withObjectMeta(closed(readSchema('VolumeSnapshotContent.v1.schema.json')), SNAPSHOT_API, 'VolumeSnapshotContent'),
  'storage.k8s.io/v1/VolumeAttributesClass': volumeAttributesClassSchema('v1'),
  'storage.k8s.io/v1beta1/VolumeAttributesClass': volumeAttributesClassSchema('v1beta1'),
};

/**
 * The CRDs' x-kubernetes-validations that judge a new object (the others
 * compare with the old object: guard's concern), ported from their CEL with
 * their messages. Each returns the message, or undefined.
 */
const crdCelRules: { [apiVersionKind: string]: Array<(o: any) => string | undefined> } = {
  [`${SNAPSHOT_API}/VolumeSnapshot`]: [
    o => (('volumeSnapshotContentName' in o.spec.source) !== ('persistentVolumeClaimName' in o.spec.source) ? undefined
      : 'spec.source: exactly one of volumeSnapshotContentName and persistentVolumeClaimName must be set'),
    o => (o.spec.volumeSnapshotClassName === '' ? 'spec.volumeSnapshotClassName: volumeSnapshotClassName must not be the empty string when set' : undefined),
  ],
  [`${SNAPSHOT_API}/VolumeSnapshotContent`]: [
    o => (('volumeHandle' in o.spec.source) !== ('snapshotHandle' in o.spec.source) ? undefined : 'spec.source: exactly one of volumeHandle and snapshotHandle must be set'),
    o => ('name' in o.spec.volumeSnapshotRef && 'namespace' in o.spec.volumeSnapshotRef ? undefined
      : 'spec.volumeSnapshotRef: both spec.volumeSnapshotRef.name and spec.volumeSnapshotRef.namespace must be set'),
  ],
};

// Status fields (never written by a manifest) carry OpenAPI formats ajv does not know: accepted as they are.
const ajv = new Ajv({ allErrors: true, strict: false, formats: { 'date-time': true, 'int64': true, 'int32': true } });
const compiled = new Map<string, ReturnType<typeof ajv.compile>>();

function crdModel(apiVersion: string, kind: string): Model | undefined {
  const schema = CRD_SCHEMAS[`${apiVersion}/${kind}`];
  if (!schema) return undefined;
  const key = `${apiVersion}/${kind}`;
  if (!compiled.has(key)) compiled.set(key, ajv.compile(schema));
  const validate = compiled.get(key)!;
  return class {
    public constructor(private readonly data: any) {}
    public validate(): void {
      if (!validate(this.data)) throw new Error(ajv.errorsText(validate.errors));
      const refused = (crdCelRules[`${apiVersion}/${kind}`] ?? []).map(rule => rule(this.data)).find(m => m !== undefined);
      if (refused) throw new Error(refused);
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
