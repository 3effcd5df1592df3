import { buildCli } from '../scripts/build-cli.mjs';

/** The CLI tests run the built bundle; building it takes well under a second, so every run starts from the current source. */
export default async function setup(): Promise<void> {
  await buildCli();
}
