/**
 * N claims, snapshots of them and claims restored from those, beside the same
 * objects written with raw cdk8s ApiObjects and with cdk8s-plus-27's typed claims.
 */
import { BASELINE, VARIANTS } from './day2-variants';
import { runBench, synthYaml } from './harness';

runBench({
  name: 'day2',
  variants: VARIANTS,
  baseline: BASELINE,
  sizes: [100, 1000, 10000],
  checkOutputs: () => {
    // The comparison is fair only if the variants synthesize the same objects.
    const [first, ...others] = Object.values(VARIANTS).map(v => synthYaml(v, 3));
    others.forEach((yaml, i) => {
      if (yaml !== first) throw new Error(`${Object.keys(VARIANTS)[i + 1]} does not synthesize the same YAML as ${Object.keys(VARIANTS)[0]}:\n${yaml}\n---\n${first}`);
    });
  },
}, __filename);
