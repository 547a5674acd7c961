// The browser journeys need a Chromium; say so plainly instead of failing deep inside Playwright.
import { existsSync } from 'node:fs';
const path = process.env.CHROME_PATH || '/usr/bin/chromium';
if (!existsSync(path)) {
  console.error(
    `No Chromium found at ${path}. Install it (Debian: apt-get install -y chromium fonts-noto-cjk) or set CHROME_PATH.`
  );
  process.exit(1);
}
