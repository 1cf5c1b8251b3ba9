// The tests use Debian's packages, never a downloaded browser: Chromium for the
// browser tests, redis-server for the live server's scale-out test. On a fresh
// machine this installs what is missing with apt-get (as root, or through
// sudo), so that `npm install && npm test` is all a newcomer runs.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const NEEDED = [
  { file: '/usr/bin/chromium', packages: ['chromium', 'fonts-dejavu-core'] },
  { file: '/usr/bin/redis-server', packages: ['redis-server'] },
  // LibreOffice opens the PowerPoint export as a leader's other app would (test/export/libreoffice.test.ts);
  // without its recommends (Java and the rest), it installs in a minute or two.
  { file: '/usr/bin/soffice', packages: ['libreoffice-impress', 'poppler-utils'], lean: true },
];

const absent = NEEDED.filter((n) => !existsSync(n.file));
const missing = absent.flatMap((n) => n.packages);
if (missing.length > 0) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = root ? '' : 'sudo ';
  console.log(`Installing Debian's ${missing.join(', ')} for the tests…`);
  try {
    execSync(`${sudo}apt-get update -qq`, { stdio: 'inherit' });
    for (const lean of [false, true]) {
      const packages = absent.filter((n) => Boolean(n.lean) === lean).flatMap((n) => n.packages);
      if (packages.length === 0) continue;
      execSync(`${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${lean ? '--no-install-recommends ' : ''}${packages.join(' ')}`, { stdio: 'inherit' });
    }
  } catch {
    console.error(`Could not install ${missing.join(', ')}. Install Debian's packages by hand (apt-get install ${missing.join(' ')}), then run the tests again.`);
    process.exit(1);
  }
}
