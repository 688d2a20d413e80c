import { Manifest } from './manifests';

/** The pod spec of a workload, wherever its kind keeps it. */
function podSpecOf(m: Manifest): any {
  if (m.kind === 'Pod') return m.spec;
  if (m.kind === 'CronJob') return m.spec?.jobTemplate?.spec?.template?.spec;
  return ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job'].includes(m.kind) ? m.spec?.template?.spec : undefined;
}

/**
 * Why containers would never start as written, checked without the images:
 * with `runAsNonRoot: true` (cdk8s-plus sets it on every pod and container by
 * default) the kubelet starts a container only if it can prove the user is
 * not root, which without pulling the image means a numeric `runAsUser`
 * other than 0. busybox, nginx and postgres images run as root, so without
 * one they fail with "container has runAsNonRoot and image will run as root".
 */
export function podStartProblems(manifests: Manifest[]): string[] {
  const problems: string[] = [];
  for (const m of manifests) {
    const spec = podSpecOf(m);
    if (!spec) continue;
    for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
      const nonRoot = c.securityContext?.runAsNonRoot ?? spec.securityContext?.runAsNonRoot;
      const user = c.securityContext?.runAsUser ?? spec.securityContext?.runAsUser;
      if (nonRoot === true && !(Number.isInteger(user) && user > 0)) {
        problems.push(`${m.kind} ${m.metadata?.name} container ${c.name} (${c.image}): runAsNonRoot without a non-root runAsUser (${user ?? 'none'})`);
      }
    }
  }
  return problems;
}
