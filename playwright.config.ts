import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT || 3124);
export const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage'
];

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    launchOptions: { executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: chromiumFlags },
    trace: 'retain-on-failure',
    actionTimeout: 15_000,
    navigationTimeout: 30_000
  },
  projects: [{ name: 'debian-chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: 'node scripts/e2e-server.ts',
    url: `http://127.0.0.1:${PORT}/healthz`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      HAGUKUMI_DATA_DIR: `.test-data/e2e-${PORT}/db`,
      HAGUKUMI_MAIL_DIR: `.test-data/e2e-${PORT}/mail`,
      // Browser journeys sign in often from one address; the per-address limit is tested in the service tests.
      HAGUKUMI_SIGNIN_FAILURES_PER_ADDRESS: '1000',
      HAGUKUMI_MAILS_PER_ADDRESS: '1000',
      HAGUKUMI_QUIET: '1',
      BODY_SIZE_LIMIT: '10M',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn'
    }
  }
});
