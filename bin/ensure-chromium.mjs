// pretest: browser tests drive Debian's chromium; install it when missing (as root), or say the exact command.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);

const command = 'apt-get update && apt-get install -y chromium';
if (process.getuid?.() !== 0) {
  console.error(`Chromium is needed for the browser tests and is not installed. Run:\n  sudo sh -c '${command}'`);
  process.exit(1);
}
console.log(`Installing Debian's chromium for the browser tests: ${command}`);
try {
  execFileSync('sh', ['-c', `DEBIAN_FRONTEND=noninteractive ${command}`], { stdio: 'inherit' });
} catch {
  console.error(`Installing chromium failed. Run it yourself:\n  ${command}`);
  process.exit(1);
}
