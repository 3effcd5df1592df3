import { spawnSync } from 'node:child_process';
import { CLI_BUNDLE } from '../../scripts/build-cli.mjs';

/** Runs the built command line (what `juesuan` and `npm run -s cli` users get), as a separate process. */
export function runCli(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI_BUNDLE, ...args], { encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}
