import { readFileSync } from 'fs';
import { StorageCheck } from '../src';
import { parseManifests } from '../src/guard/manifest-files';
test('dump', () => {
  const out: any = {};
  for (const r of StorageCheck.rules()) {
    for (const side of ['fail', 'pass']) {
      const file = `test/check-fixtures/${r.id}/${side}.yaml`;
      const f = StorageCheck.check(parseManifests(readFileSync(file, 'utf-8'), file));
      out[`${r.id}/${side}`] = f.map(x => `${x.ruleId} ${x.kind} ${x.name} ${x.field} :: ${x.message} :: ${x.fix}`);
    }
  }
  console.log(JSON.stringify(out, null, 1));
});
