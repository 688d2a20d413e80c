import { ApiObject } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { checkArg, enumOf } from './checks';
import { invalid } from './errors';

const CONTEXT_KEY = 'cdk8s-storage/prune-protection';

/**
 * Which annotations keep GitOps tools from deleting storage objects (claims,
 * PVs, StorageClasses) when they leave the manifests or the application is
 * deleted. Replace=true, Force=true and Flux's force are never emitted.
 */
export enum PruneProtection {
  /**
   * Argo CD (`argocd.argoproj.io/sync-options: Prune=false,Delete=false`) and
   * Flux (`kustomize.toolkit.fluxcd.io/prune: disabled`). The default.
   */
  GITOPS = 'gitops',
  /** The GitOps annotations, and Helm's `helm.sh/resource-policy: keep` for charts rendered from the output. */
  GITOPS_AND_HELM = 'gitops-and-helm',
  /** No annotations: pruning deletes storage objects like anything else. */
  NONE = 'none',
}

/**
 * App-wide defaults of this library.
 */
export class StorageDefaults {
  /**
   * Sets the prune protection of every claim, PV and StorageClass this library
   * creates below `scope` (an App or a Chart). Call it before creating them:
   * construct context cannot change once children exist.
   */
  public static setPruneProtection(scope: IConstruct, protection: PruneProtection): void {
    const where = 'StorageDefaults.setPruneProtection';
    if (!Construct.isConstruct(scope)) {
      throw invalid({ where, prop: 'scope', value: scope, allowed: 'an App or a Chart', fix: 'pass the app or the chart whose storage objects to protect' });
    }
    if (scope.node.children.length > 0) {
      throw invalid({
        where,
        prop: 'scope',
        value: scope.node.path || '(app)',
        allowed: `an App or a Chart before anything is added to it (it already holds ${scope.node.children.map(c => c.node.id).join(', ')}; construct context cannot change once children exist)`,
        fix: 'call StorageDefaults.setPruneProtection right after creating the app or the chart',
      });
    }
    // An unknown value would leave every volume without protection, silently.
    scope.node.setContext(CONTEXT_KEY, checkArg(`${where} on ${scope.node.path || '(app)'}`, 'protection', protection, enumOf(PruneProtection, 'PruneProtection')));
  }

  private constructor() {}
}

const ARGO_SYNC_OPTIONS = 'argocd.argoproj.io/sync-options';

const ANNOTATIONS: { [protection: string]: { [key: string]: string } } = {
  [PruneProtection.GITOPS]: {
    'argocd.argoproj.io/sync-options': 'Prune=false,Delete=false',
    'kustomize.toolkit.fluxcd.io/prune': 'disabled',
  },
  [PruneProtection.GITOPS_AND_HELM]: {
    'argocd.argoproj.io/sync-options': 'Prune=false,Delete=false',
    'kustomize.toolkit.fluxcd.io/prune': 'disabled',
    'helm.sh/resource-policy': 'keep',
  },
  [PruneProtection.NONE]: {},
};

/** Annotates a storage object against pruning, as the context of its tree says (GITOPS by default). */
export function protectFromPruning(apiObject: ApiObject): void {
  const protection: string = apiObject.node.tryGetContext(CONTEXT_KEY) ?? PruneProtection.GITOPS;
  for (const [key, value] of Object.entries(ANNOTATIONS[protection] ?? ANNOTATIONS[PruneProtection.GITOPS])) {
    apiObject.metadata.addAnnotation(key, value);
  }
}

/**
 * Whether an object's annotations keep Argo CD, Flux or Helm from deleting it
 * when it leaves the manifests: any one of the annotations above is enough
 * for the tool that reads it.
 */
export function isPruneProtected(annotations: { [key: string]: string } | undefined): boolean {
  const a = annotations ?? {};
  const all = ANNOTATIONS[PruneProtection.GITOPS_AND_HELM];
  return /(^|,)\s*Prune=false/.test(a[ARGO_SYNC_OPTIONS] ?? '')
    || Object.entries(all).some(([key, value]) => key !== ARGO_SYNC_OPTIONS && a[key] === value);
}
