import { Schema, checkArg, checkProps, checkScope, str } from './checks';
import { describeChild } from './errors';

/**
 * The arguments of a backend's `claim(scope, id, props)`, checked, and where
 * the claim sits for messages: "chart/data (VolumeClaim) on chart/ssd (LocalSsdVolume)".
 */
export function claimArgs<T>(
  owner: string, scope: unknown, id: unknown, props: unknown, schema: Schema<T>, typeName: string,
): { where: string; props: T } {
  const where = `${describeChild(checkScope(scope, id, 'VolumeClaim'), id as string, 'VolumeClaim')} on ${owner}`;
  return { where, props: checkProps(where, props, schema, typeName) };
}

/** The arguments of a backend's `claimTemplate(name, options)`, checked, and where the template is for messages. */
export function templateArgs<T>(owner: string, name: unknown, options: unknown, schema: Schema<T>, typeName: string): { where: string; options: T } {
  const where = `claim template ${JSON.stringify(checkArg(owner, 'name', name, str('a template name such as "data"')))} on ${owner}`;
  return { where, options: checkProps(where, options, schema, typeName) };
}
