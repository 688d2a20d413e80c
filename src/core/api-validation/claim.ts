import { FieldError, FieldPath } from './field-error';
import { isDns1123Label, isDns1123Subdomain, nameIsDnsSubdomain } from './names';
import { Json, isMap, validateObjectMeta } from './object-meta';
import { listOf, validateLabelSelector } from './selectors';
import { parseQuantity } from '../quantity';

/** The access modes and volume modes the API knows, sorted as sets.List sorts them for NotSupported. */
export const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
export const VOLUME_MODES = ['Block', 'Filesystem'];

/** The data sources spec.dataSource keeps (pvcutil dataSourceIsEnabled); any other is dropped before validation. */
const KEPT_DATA_SOURCES = [
  { apiGroup: '', kind: 'PersistentVolumeClaim' },
  { apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot' },
];

/** ValidatePersistentVolumeClaim: the object meta (a DNS subdomain name) and the spec. */
export function validatePersistentVolumeClaim(pvc: Json): FieldError[] {
  return [
    ...validateObjectMeta(pvc?.metadata, nameIsDnsSubdomain),
    ...validatePersistentVolumeClaimSpec(pvc?.spec, FieldPath.at('spec'), true),
  ];
}

/**
 * ValidatePersistentVolumeClaimSpec (core validation), on the spec as the
 * API server has it by then: the PVC strategy's PrepareForCreate drops a
 * dataSource of another kind (EnforceDataSourceBackwardsCompatibility) and
 * copies dataSource and dataSourceRef into each other (NormalizeDataSources).
 * Also used for StatefulSet claim templates and ephemeral volume templates,
 * which no PVC strategy has touched (`asClaim` false).
 */
export function validatePersistentVolumeClaimSpec(given: Json, path: FieldPath, asClaim = false): FieldError[] {
  const spec = asClaim ? normalizeDataSources(isMap(given) ? given : {}) : isMap(given) ? given : {};
  const errs: FieldError[] = [];
  const accessModes = listOf(spec.accessModes);
  if (accessModes.length === 0) errs.push(path.child('accessModes').required('at least 1 access mode is required'));
  if (spec.selector !== undefined && spec.selector !== null) errs.push(...validateLabelSelector(spec.selector, path.child('selector')));
  for (const mode of accessModes) {
    if (!ACCESS_MODES.includes(mode)) errs.push(path.child('accessModes').notSupported(mode, ACCESS_MODES));
  }
  if (accessModes.includes('ReadWriteOncePod') && accessModes.some(m => m !== 'ReadWriteOncePod')) {
    errs.push(path.child('accessModes').forbidden('may not use ReadWriteOncePod with other access modes'));
  }
  errs.push(...validateStorageRequest(spec.resources?.requests?.storage, path.child('resources').key('storage')));
  errs.push(...validateClassName(spec.storageClassName, path.child('storageClassName')));
  if (spec.volumeMode !== undefined && spec.volumeMode !== null && !VOLUME_MODES.includes(spec.volumeMode)) {
    errs.push(path.child('volumeMode').notSupported(spec.volumeMode, VOLUME_MODES));
  }
  if (isMap(spec.dataSource)) errs.push(...validateDataSource(spec.dataSource, path.child('dataSource')));
  if (isMap(spec.dataSourceRef)) errs.push(...validateDataSource(spec.dataSourceRef, path.child('dataSourceRef')));
  if (isMap(spec.dataSourceRef) && nonEmpty(spec.dataSourceRef.namespace)) {
    if (isMap(spec.dataSource)) errs.push(path.invalid(path.child('dataSource').toString(), 'may not be specified when dataSourceRef.namespace is specified'));
  } else if (isMap(spec.dataSource) && isMap(spec.dataSourceRef) && !sameSource(spec.dataSource, spec.dataSourceRef)) {
    errs.push(path.invalid(path.child('dataSource').toString(), 'must match dataSourceRef'));
  }
  errs.push(...validateClassName(spec.volumeAttributesClassName, path.child('volumeAttributesClassName')));
  return errs;
}

/** A claim's storage request: required, and greater than zero (ValidatePositiveQuantityValue). */
function validateStorageRequest(value: Json, path: FieldPath): FieldError[] {
  if (value === undefined || value === null) return [path.required()];
  const thousandths = parseQuantity(String(value));
  if (thousandths === undefined) return [path.invalid(value, 'quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\'')];
  return thousandths <= 0n ? [path.invalid(String(value), 'must be greater than zero')] : [];
}

/** ValidateClassName (a DNS subdomain), when a non-empty name is given. */
export function validateClassName(name: Json, path: FieldPath): FieldError[] {
  return nonEmpty(name) ? isDns1123Subdomain(name).map(msg => path.invalid(name, msg)) : [];
}

/** validateDataSource and validateDataSourceRef: name and kind required; a core kind must be a claim; a group must be a DNS subdomain. */
function validateDataSource(source: { [key: string]: Json }, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (!nonEmpty(source.name)) errs.push(path.child('name').required());
  if (!nonEmpty(source.kind)) errs.push(path.child('kind').required());
  const group = typeof source.apiGroup === 'string' ? source.apiGroup : '';
  if (group !== '') errs.push(...isDns1123Subdomain(group).map(msg => path.child('apiGroup').invalid(group, msg)));
  if (group === '' && source.kind !== 'PersistentVolumeClaim') errs.push(path.invalid(source.kind ?? '', 'must be \'PersistentVolumeClaim\' when referencing the default apiGroup'));
  if (nonEmpty(source.namespace)) {
    errs.push(...isDns1123Label(source.namespace).map(msg => path.child('namespace').invalid(source.namespace, msg)));
  }
  return errs;
}

/** The PVC strategy's data-source normalisation (pkg/api/persistentvolumeclaim/util.go), on a copy. */
function normalizeDataSources(spec: { [key: string]: Json }): { [key: string]: Json } {
  let { dataSource, dataSourceRef } = spec;
  if (!isMap(dataSource) && !isMap(dataSourceRef)) return spec;
  // CrossNamespaceVolumeDataSource is alpha (off): DropDisabledFields removes a reference to another namespace.
  if (isMap(dataSourceRef) && nonEmpty(dataSourceRef.namespace)) dataSourceRef = undefined;
  if (isMap(dataSource) && !KEPT_DATA_SOURCES.some(k => k.kind === dataSource.kind && k.apiGroup === (dataSource.apiGroup ?? ''))) dataSource = undefined;
  if (isMap(dataSource) && !isMap(dataSourceRef)) {
    dataSourceRef = { ...dataSource };
  } else if (isMap(dataSourceRef) && !isMap(dataSource) && !nonEmpty(dataSourceRef.namespace)) {
    dataSource = { apiGroup: dataSourceRef.apiGroup, kind: dataSourceRef.kind, name: dataSourceRef.name };
  }
  return { ...spec, dataSource, dataSourceRef };
}

function sameSource(a: { [key: string]: Json }, b: { [key: string]: Json }): boolean {
  return (a.apiGroup ?? '') === (b.apiGroup ?? '') && a.kind === b.kind && a.name === b.name;
}

export function nonEmpty(value: Json): value is string {
  return typeof value === 'string' && value !== '';
}
