import fs from 'node:fs';
import path from 'node:path';
import { createCore } from '../electron/core/core';
import { buildRegionalYears, REGIONAL_CASES } from './fixtures/regional-years';
(async () => {
  for (const c of REGIONAL_CASES) {
    const dir = fs.mkdtempSync('/tmp/r13o/y-');
    const core = createCore({ resolveFile: (file) => path.join(dir, file) });
    await buildRegionalYears(core, dir, c);
    for (const format of ['docx', 'md'] as const) {
      const out = await core.exportReport({ file: '2023.sqlite', format, draft: true });
      fs.writeFileSync(`/tmp/r13o/${c.set}.${format}`, Buffer.from(out.dataBase64, 'base64'));
    }
    core.close();
  }
})();
