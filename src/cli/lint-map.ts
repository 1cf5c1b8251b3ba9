// `npm run lint-map -- FILE [--definition user|payer|served] [--json]`
// The work is in lint-map-main.ts; this file only connects it to Node.
import { readFileSync } from 'node:fs';
import { main } from './lint-map-main';

try {
  process.exitCode = main(process.argv.slice(2), {
    readFile: (path) => readFileSync(path),
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
  });
} catch (error) {
  // A bug, not a bad file: say so in one line, without a stack trace.
  process.stderr.write(`lint-map: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
