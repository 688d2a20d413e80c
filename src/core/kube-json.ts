import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { fieldErrorText, validateObject } from './api-validation';
import { StorageValidationError } from './errors';

/**
 * A Kubernetes object or field as the API server reads it: wire names
 * (`clusterIP`, not the generated classes' `clusterIp`) and plain values
 * (`"1Gi"`, not a `Quantity`). Every object this library writes is rendered
 * this way into a plain `ApiObject`: the generated `k8s.Kube*` classes convert
 * every field of every object again at synthesis (bench/README.md: built on
 * them, StatefulStore took 1.13x to 1.25x the time of the bare typed objects).
 * Structs users pass in cdk8s-plus-27's `k8s` types (probes, resources, ...)
 * go through its `k8s.toJson_*` converters once, when they are given.
 */
export type KubeJson = { [key: string]: any };

/** The group/version and kind of an object. */
export interface KubeKind {
  readonly apiVersion: string;
  readonly kind: string;
}

export const PVC_KIND: KubeKind = { apiVersion: 'v1', kind: 'PersistentVolumeClaim' };
export const PV_KIND: KubeKind = { apiVersion: 'v1', kind: 'PersistentVolume' };
export const STORAGE_CLASS_KIND: KubeKind = { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass' };

/** A plain `ApiObject` of `kind` whose other top-level fields (metadata, spec, ...) are `body`. */
export function kubeObject(scope: Construct, id: string, kind: KubeKind, body: KubeJson): ApiObject {
  return new ValidatedApiObject(scope, id, Object.assign({ apiVersion: kind.apiVersion, kind: kind.kind }, body));
}

/**
 * An object judged by the API server's create validation (api-validation)
 * when it is rendered: the last line of defence behind the constructs' prop
 * checks, which name the prop. Judged in toJson, which synthesis calls once
 * per object, rather than in a validation that would render it a second time.
 */
class ValidatedApiObject extends ApiObject {
  public toJson(): any {
    const json = super.toJson();
    const [refused] = validateObject(json);
    if (refused) {
      throw new StorageValidationError(`${this.node.scope!.node.path}: the API server would refuse the ${json.kind} ${json.metadata?.name} it renders: `
        + `${fieldErrorText(refused)}. Fix: correct the prop that sets ${refused.field}`);
    }
    return json;
  }
}

/**
 * A plain `ApiObject` from props written in cdk8s-plus-27's typed form and
 * converted once by its generated converter (`k8s.toJson_KubeConfigMapProps`):
 * for the fixed objects of a driver deployment, where the types catch more
 * than the conversion costs.
 */
export function typedKubeObject<P>(
  scope: Construct, id: string, kind: KubeKind, toJson: (props: P) => KubeJson | undefined, props: NoInfer<P>,
): ApiObject {
  return kubeObject(scope, id, kind, toJson(props)!);
}
