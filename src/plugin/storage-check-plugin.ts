import { writeFileSync } from 'fs';
import { dirname, extname, isAbsolute, join } from 'path';
import { anyBlocking, checkFailOn, checkRuleIds } from '../analysis/engine';
import { Finding } from '../analysis/finding';
import { Severity } from '../analysis/severity';
import { CHECK_RULES } from '../check/rules';
import { StorageCheck } from '../check/storage-check';
import { checkArg, str } from '../core/checks';
import { invalid } from '../core/errors';
import { parseManifests, readText } from '../manifests/files';
import { MapFormat, StorageMap } from '../map/storage-map';

/** The map's form by its file name: a page, Mermaid or DOT. */
const MAP_FORMATS: { readonly [extension: string]: MapFormat } = {
  '.html': MapFormat.HTML, '.mmd': MapFormat.MERMAID, '.mermaid': MapFormat.MERMAID, '.dot': MapFormat.DOT, '.gv': MapFormat.DOT,
};

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
  /**
   * Also draw the storage map of the synthesized manifests into this file,
   * for GitOps review: `storage-map.html` (a page), `.mmd` (Mermaid) or
   * `.dot` (Graphviz). A relative path is taken from the folder of the
   * synthesized YAML (`dist/`).
   *
   * @default - no map
   */
  readonly mapFile?: string;
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
  private readonly map?: { readonly file: string; readonly format: MapFormat };

  constructor(props: StorageCheckPluginProps = {}) {
    const where = 'StorageCheckPlugin (cdk8s.yaml validations properties)';
    this.suppress = checkRuleIds(CHECK_RULES, props?.suppress ?? [], `${where} suppress`);
    this.failOn = checkFailOn(props?.failOn ?? Severity.WARNING, `${where} failOn`);
    if (props?.mapFile !== undefined) {
      const file = checkArg<string>(where, 'mapFile', props.mapFile, str('a file name such as "storage-map.html"'));
      const format = MAP_FORMATS[extname(file).toLowerCase()];
      if (!format) throw invalid({ where, prop: 'mapFile', value: file, allowed: `a file name ending in ${Object.keys(MAP_FORMATS).join(', ')}`, fix: 'name the file storage-map.html, storage-map.mmd or storage-map.dot' });
      this.map = { file, format };
    }
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
    if (this.map) {
      const outdir = context.manifests.length > 0 ? dirname(context.manifests[0]) : '.';
      writeFileSync(isAbsolute(this.map.file) ? this.map.file : join(outdir, this.map.file), await StorageMap.render(manifests, this.map.format, { title: 'cdk8s synth: storage map' }));
    }
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
      locations: [`${f.kind} ${f.namespaceName ? `${f.namespaceName}/` : ''}${f.name}: ${f.field}${f.location ? ` (line ${f.location.line})` : ''}`],
      manifestPath: f.location?.file ?? '',
    }],
  };
}
