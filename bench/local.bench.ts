/**
 * A cluster of N nodes with 8 local disks each (8N PVs) and N claims, with
 * LocalSsdVolume beside the same objects as raw ApiObjects and typed k8s objects.
 */
import { runBench, synthYaml } from './harness';
import { BASELINE, VARIANTS } from './local-variants';

runBench({
  name: 'local',
  variants: VARIANTS,
  baseline: BASELINE,
  sizes: [100, 1000, 10000],
  checkOutputs: () => {
    const outputs = Object.values(VARIANTS).map(v => synthYaml(v, 2));
    outputs.forEach((yaml, i) => {
      if (yaml !== outputs[0]) throw new Error(`${Object.keys(VARIANTS)[i]} does not synthesize the same YAML as ${Object.keys(VARIANTS)[0]}`);
    });
  },
}, __filename);
