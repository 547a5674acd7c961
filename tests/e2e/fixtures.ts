import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const DEMO_PASSWORD = 'sakura-demo-2026';
export const DEMO_EMAILS = {
  guardian: 'hanako@sakura.example',
  guardian2: 'taro@sakura.example',
  org: 'npo@sakura.example',
  staff: 'staff@sakura.example',
  moderator: 'moderator@sakura.example',
  coordinator: 'coordinator@sakura.example',
  admin: 'admin@sakura.example',
  otherGuardian: 'miwa@sakura.example'
} as const;
export type DemoRole = keyof typeof DEMO_EMAILS;

export async function signIn(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('パスワード', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'ログインする' }).click();
}

export async function loginAs(page: Page, role: DemoRole) {
  await signIn(page, DEMO_EMAILS[role], DEMO_PASSWORD);
  await expect(page.getByRole('button', { name: 'ログアウト' })).toBeVisible();
}

/** Fails the test on any axe violation (WCAG 2.0/2.1/2.2 A and AA). */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const MAIL_DIR = resolve(`.test-data/e2e-${process.env.E2E_PORT || 3124}/mail`);

/** The newest mail written to the local mail folder for an address, as text. */
export async function latestMailTo(address: string, subjectIncludes: string): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt++) {
    if (existsSync(MAIL_DIR)) {
      const files = readdirSync(MAIL_DIR).filter((f) => f.includes(address.replace(/[^a-zA-Z0-9@.-]/g, '_'))).sort();
      for (const file of files.reverse()) {
        const text = decodeMail(readFileSync(join(MAIL_DIR, file), 'utf8'));
        if (text.includes(subjectIncludes)) return text;
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no mail to ${address} about ${subjectIncludes}`);
}

function decodeMail(raw: string): string {
  // nodemailer writes UTF-8 bodies as quoted-printable or base64; decode both for link extraction.
  const body = raw.split(/\r?\n\r?\n/).slice(1).join('\n\n');
  // Long subjects are folded over several header lines into several encoded words (RFC 5322/2047).
  const headers = (raw.split(/\r?\n\r?\n/)[0] ?? '').replace(/\r?\n[ \t]+/g, ' ');
  const subject = (/^Subject: (.*)$/m.exec(headers)?.[1] ?? '').replace(/\?=\s+=\?/g, '?==?');
  const decodedSubject = subject.replace(/=\?UTF-8\?([BQ])\?(.*?)\?=/gi, (_, enc: string, text: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeQuotedPrintable(text.replace(/_/g, ' '))
  );
  let decodedBody = body;
  if (/Content-Transfer-Encoding: base64/i.test(raw)) decodedBody = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  else if (/Content-Transfer-Encoding: quoted-printable/i.test(raw)) decodedBody = decodeQuotedPrintable(body);
  return `${decodedSubject}\n${decodedBody}`;
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const soft = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === '=' && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(soft[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

export function linkIn(mail: string, path: string): string {
  const match = new RegExp(`https?://[^\\s]+${path.replace(/[?]/g, '\\?')}[^\\s]*`).exec(mail);
  if (!match) throw new Error(`no ${path} link in mail:\n${mail}`);
  const url = new URL(match[0]);
  return url.pathname + url.search;
}

export const test = base;
export { expect };
