import { CHECK_RULES } from './rules';
import { StorageCheck } from './storage-check';
import { anyBlocking, checkFailOn, checkRuleIds } from '../analysis/engine';
import { Finding } from '../analysis/finding';
import { Severity } from '../analysis/severity';
import { parseManifests, readText } from '../manifests/files';

/**
 * Properties of the cdk8s-cli validation plugin, as given under `properties:`
 * in `cdk8s.yaml`.
 */
export interface StorageCheckPluginProps {
  /**
   * Rule ids to skip for every object.
   *
   * @default - none
   */
  readonly suppress?: string[];
  /**
   * The least severity that fails `cdk8s synth`.
   *
   * @default Severity.WARNING - errors and warnings fail the synth; info findings are only reported
   */
  readonly failOn?: Severity;
}

/**
 * `StorageCheck` as a cdk8s-cli validation plugin. Name it in `cdk8s.yaml`:
 *
 * ```yaml
 * validations:
 *   - package: ./node_modules/cdk8s-storage
 *     class: StorageCheckPlugin
 *     version: 0.0.0
 *     properties:
 *       failOn: warning
 * ```
 *
 * and `cdk8s synth` checks every manifest it writes, reporting each finding
 * with the construct path of the object at fault.
 */
export class StorageCheckPlugin {
  private readonly suppress: string[];
  private readonly failOn: Severity;

  constructor(props: StorageCheckPluginProps = {}) {
    const where = 'StorageCheckPlugin (cdk8s.yaml validations properties)';
    this.suppress = checkRuleIds(CHECK_RULES, props?.suppress ?? [], `${where} suppress`);
    this.failOn = checkFailOn(props?.failOn ?? Severity.WARNING, `${where} failOn`);
  }

  /**
   * Runs the check on the manifests of a synth and fills cdk8s-cli's report.
   *
   * @param context cdk8s-cli's ValidationContext: `manifests` (file paths) and `report`
   */
  public async validate(context: any): Promise<void> {
    const manifests = (context.manifests as string[]).flatMap(file => parseManifests(readText(file), file));
    const findings = StorageCheck.check(manifests, { suppress: this.suppress });
    for (const f of findings) context.report.addViolation(violation(f));
    context.report.submit(anyBlocking(findings, this.failOn, 'StorageCheckPlugin') ? 'failure' : 'success', {
      objects: String(manifests.length),
      findings: String(findings.length),
      failOn: this.failOn,
    });
  }
}

function violation(f: Finding) {
  return {
    ruleName: `[${f.severity}] ${f.ruleId}`,
    recommendation: f.message,
    fix: f.fix,
    violatingResources: [{
      // cdk8s-cli finds the construct path by the object's name.
      resourceName: f.name,
      // The object and field, and the line of the manifest where the object starts.
      locations: [`${f.kind} ${f.namespace ? `${f.namespace}/` : ''}${f.name}: ${f.field}${f.location ? ` (line ${f.location.line})` : ''}`],
      manifestPath: f.location?.file ?? '',
    }],
  };
}
