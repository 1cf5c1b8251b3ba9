// Browser tests use Debian's Chromium, never a downloaded browser. On a fresh
// machine this installs it with apt-get (as root, or through sudo), so that
// `npm install && npm test` is all a newcomer runs.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = root ? '' : 'sudo ';
  console.log(`Chromium is not at ${CHROMIUM}: installing Debian's chromium package…`);
  try {
    execSync(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core`, {
      stdio: 'inherit',
    });
  } catch {
    console.error(`Could not install Chromium. Install Debian's package by hand (apt-get install chromium), then run the tests again.`);
    process.exit(1);
  }
}
