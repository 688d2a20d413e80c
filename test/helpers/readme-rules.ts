/**
 * The README's rule tables, generated from the rules themselves:
 * `npx projen readme-rules` rewrites them, and test/readme-rules.test.ts fails
 * when the README and the rules differ.
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { RuleInfo, StorageCheck, StorageGuard } from '../../src';

export const README = join(__dirname, '..', '..', 'README.md');

/** The commands whose rules the README lists, each between its two markers. */
export const TABLES: { readonly [command: string]: () => RuleInfo[] } = {
  check: () => StorageCheck.rules(),
  guard: () => StorageGuard.rules(),
};

/** A Markdown table of rules: id, severity, what it finds, and its source. */
export function ruleTable(rules: RuleInfo[]): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  return [
    '| rule | severity | finds | source |',
    '|---|---|---|---|',
    ...rules.map(r => `| \`${r.id}\` | ${r.severity} | ${cell(r.summary)} | ${cell(r.source)} |`),
  ].join('\n');
}

const markers = (command: string) => [`<!-- rules:${command} (generated from the rules: npx projen readme-rules) -->`, `<!-- /rules:${command} -->`];

/** The README with every table regenerated. */
export function withRuleTables(readme: string): string {
  let text = readme;
  for (const [command, rules] of Object.entries(TABLES)) {
    const [start, end] = markers(command);
    const [before, rest] = splitOnce(text, start, command);
    const [, after] = splitOnce(rest, end, command);
    text = `${before}${start}\n${ruleTable(rules())}\n${end}${after}`;
  }
  return text;
}

function splitOnce(text: string, marker: string, command: string): [string, string] {
  const at = text.indexOf(marker);
  if (at < 0 || text.indexOf(marker, at + 1) >= 0) throw new Error(`README.md must hold the marker "${marker}" exactly once (the ${command} rules)`);
  return [text.slice(0, at), text.slice(at + marker.length)];
}

if (require.main === module) {
  writeFileSync(README, withRuleTables(readFileSync(README, 'utf-8')));
}
