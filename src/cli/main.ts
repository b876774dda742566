/** Entry point of `dist/cli.js` (see ./run.ts). */
import { main } from './run.js';

process.exitCode = main(process.argv.slice(2));
