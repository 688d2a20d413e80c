/**
 * N StatefulStores beside the same objects written with raw cdk8s ApiObjects,
 * cdk8s-plus-27's typed k8s.Kube* classes, and cdk8s-plus-27's StatefulSet.
 */
import { runBench, synthYaml } from './harness';
import { BASELINE, IDENTICAL_OUTPUT, VARIANTS } from './statefulstore-variants';

runBench({
  name: 'statefulstore',
  variants: VARIANTS,
  baseline: BASELINE,
  sizes: [100, 1000, 10000],
  checkOutputs: () => {
    // The comparison is fair only if the variants synthesize the same objects.
    const [first, ...others] = IDENTICAL_OUTPUT.map(v => synthYaml(VARIANTS[v], 3));
    others.forEach((yaml, i) => {
      if (yaml !== first) throw new Error(`${IDENTICAL_OUTPUT[i + 1]} does not synthesize the same YAML as ${IDENTICAL_OUTPUT[0]}`);
    });
    const typed = synthYaml(VARIANTS[BASELINE], 3);
    if (typed !== first.replace(/- apiVersion: v1\n {6}kind: PersistentVolumeClaim\n {6}metadata:/g, '- metadata:')) {
      throw new Error(`${BASELINE} differs from ${IDENTICAL_OUTPUT[0]} by more than the templates' apiVersion and kind`);
    }
  },
}, __filename);
