/** Entry point of `dist/cli.js` (see ./run.ts). */
import { main } from './run.js';

void Promise.resolve(main(process.argv.slice(2))).then((code) => {
  process.exitCode = code;
});
