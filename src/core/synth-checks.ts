import { Chart } from 'cdk8s';
import { IConstruct } from 'constructs';

/** A check run at `app.synth()`: the problems it finds, each a whole message. */
export type SynthCheck = () => string[];

const CHECKS = new WeakMap<Chart, SynthCheck[]>();

/**
 * Runs `check` when the app is synthesized, so that objects added after the
 * construct (disks, replicas) count. The checks of one chart run from a
 * single validation on the chart rather than one validation object per claim
 * or store: cdk8s reports each problem as `[<chart path>] <message>`, and
 * every message names its own construct.
 */
export function checkAtSynth(construct: IConstruct, check: SynthCheck): void {
  const chart = Chart.of(construct);
  let checks = CHECKS.get(chart);
  if (!checks) {
    const registered: SynthCheck[] = [];
    chart.node.addValidation({ validate: () => registered.flatMap(c => c()) });
    CHECKS.set(chart, registered);
    checks = registered;
  }
  checks.push(check);
}
