import { readFileSync } from 'fs';
import { StorageCheck, StorageGuard } from '../src';
import { README, ruleTable, withRuleTables } from './helpers/readme-rules';

test('the README\'s rule tables are the rules (regenerate with npx projen readme-rules)', () => {
  const readme = readFileSync(README, 'utf-8');
  expect(withRuleTables(readme)).toBe(readme);
  expect(readme).toContain(ruleTable(StorageCheck.rules()));
  expect(readme).toContain(ruleTable(StorageGuard.rules()));
});

test('a table lists each rule once, with its severity and source, and escapes pipes', () => {
  const table = ruleTable([{ id: 'a-rule', severity: 'error' as any, summary: 'Finds a | b.', source: 'x.go' }]);
  expect(table.split('\n')).toEqual(['| rule | severity | finds | source |', '|---|---|---|---|', '| `a-rule` | error | Finds a \\| b. | x.go |']);
});
