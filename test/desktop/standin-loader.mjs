/**
 * `node --import tsx --import ./test/desktop/standin-loader.mjs …`: every `import 'electron'` gets the
 * stand-in (electron-standin.ts), and everything else resolves as plain Node resolves it. The
 * packaged main process runs so from the installed files alone (packaged-main.mts).
 */
import { register } from 'node:module';

const STANDIN = new URL('./electron-standin.ts', import.meta.url).href;

register(
  `data:text/javascript,${encodeURIComponent(`export async function resolve(specifier, context, next) {
    return specifier === 'electron' ? { url: ${JSON.stringify(STANDIN)}, shortCircuit: true } : next(specifier, context);
  }`)}`,
);
