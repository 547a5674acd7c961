import { test, expect, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { DEMO_EMAILS, DEMO_PASSWORD, loginAs, signIn, type DemoRole } from './fixtures.ts';
import { listRoutes, routePattern, type Audience, type RouteInfo } from './routes.ts';

type Visitor = 'anonymous' | 'guardian' | 'org' | 'staff' | 'coordinator' | 'moderator' | 'admin';
const VISITORS: Visitor[] = ['anonymous', 'guardian', 'org', 'staff', 'coordinator', 'moderator', 'admin'];

/** Who may enter each audience's pages, by the demo ward's accounts and their role assignments. */
const ALLOWED: Record<Audience, Visitor[]> = {
  public: VISITORS,
  guardian: ['guardian', 'org', 'staff', 'coordinator', 'moderator', 'admin'],
  org: ['org'],
  staff: ['staff', 'admin'],
  support: ['coordinator'],
  moderation: ['moderator', 'staff', 'admin'],
  admin: ['admin']
};

/** Concrete values for route parameters that are not record ids. */
const NON_ID_PARAMS: Record<string, string> = { rest: 'no-such-path' };
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

const routes = listRoutes();

async function contextFor(browser: Browser, visitor: Visitor): Promise<APIRequestContext> {
  const context = await browser.newContext();
  if (visitor !== 'anonymous') {
    const page = await context.newPage();
    await signIn(page, DEMO_EMAILS[visitor], DEMO_PASSWORD);
    await expect(page.getByRole('button', { name: 'ログアウト' })).toBeVisible();
    await page.close();
  }
  return context.request;
}

function concreteUrl(path: string): string {
  return path.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, name: string) => NON_ID_PARAMS[name] ?? UNKNOWN_ID);
}

test('every route declares its audience (a route group, or an `_audience` export for api/)', () => {
  const undeclared = routes.filter((r) => !r.audience).map((r) => r.id);
  expect(undeclared).toEqual([]);
  expect(routes.length).toBeGreaterThan(5);
});

test('every route lets in exactly the roles of its audience, and nobody else', async ({ browser, baseURL }) => {
  test.setTimeout(300_000);
  const failures: string[] = [];
  for (const visitor of VISITORS) {
    const request = await contextFor(browser, visitor);
    for (const route of routes.filter((r) => r.hasGet && r.audience)) {
      const url = new URL(concreteUrl(route.path), baseURL).toString();
      const response = await request.get(url, { maxRedirects: 0, headers: { accept: 'text/html' } });
      const status = response.status();
      const location = response.headers()['location'] ?? '';
      const allowed = ALLOWED[route.audience!].includes(visitor);
      const denied = status === 401 || status === 403 || (status === 303 && location.startsWith('/sign-in'));
      if (allowed && denied) failures.push(`${visitor} was refused ${route.id} (${status} ${location})`);
      if (!allowed && !denied) failures.push(`${visitor} was let into ${route.id} (${status})`);
      if (status >= 500) failures.push(`${visitor} got ${status} on ${route.id}`);
    }
  }
  expect(failures).toEqual([]);
});

/** Follows the links a signed-in visitor sees from `starts` and returns a concrete URL for each id route found. */
async function collectIdRouteUrls(page: Page, starts: string[], idRoutes: RouteInfo[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const queue = [...starts];
  const seen = new Set<string>();
  const area = new RegExp(`^(${starts.map((s) => s.replace(/\//g, '\\/')).join('|')})\\b`);
  while (queue.length && seen.size < 80) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const response = await page.request.get(path);
    if (!(response.headers()['content-type'] ?? '').startsWith('text/html')) continue;
    await page.goto(path);
    const hrefs = await page.locator('a[href^="/"]:not([download])').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
    for (const href of hrefs) {
      const hrefPath = href.split('?')[0];
      for (const route of idRoutes) if (routePattern(route.path).test(hrefPath) && !found.has(route.id)) found.set(route.id, href);
      if (area.test(hrefPath) && !seen.has(hrefPath)) queue.push(hrefPath);
    }
  }
  return found;
}

const hasIdParam = (r: RouteInfo) => r.params.some((p) => !(p in NON_ID_PARAMS));

test("a guardian asking for another household's records by id gets 404 and nothing of them", async ({ browser, baseURL }) => {
  test.setTimeout(300_000);
  const idRoutes = routes.filter((r) => r.hasGet && r.audience === 'guardian' && hasIdParam(r));
  expect(idRoutes.length).toBeGreaterThan(3);
  // Concrete URLs of the other family (鈴木), from the links its guardian sees.
  const owner = await browser.newContext();
  const ownerPage = await owner.newPage();
  await loginAs(ownerPage, 'otherGuardian');
  const found = await collectIdRouteUrls(ownerPage, ['/family', '/account', '/timeline', '/inbox'], idRoutes);
  await ownerPage.goto('/family');
  expect(await ownerPage.evaluate(() => document.body.innerText)).toContain('鈴木 陽向');
  await owner.close();

  const missing = idRoutes.filter((r) => !found.has(r.id)).map((r) => r.id);
  expect(missing, 'id routes for which the other family shows no link: link them or seed a record').toEqual([]);

  const request = await contextFor(browser, 'guardian');
  for (const [routeId, href] of found) {
    const response = await request.get(new URL(href, baseURL).toString(), { maxRedirects: 0 });
    expect(response.status(), `${routeId} ${href}`).toBe(404);
    const body = await response.text();
    expect(body, `${routeId} leaks the other family's data`).not.toContain('鈴木');
  }
});

/** Where each visitor's crawl for pages with record ids starts (the links a person of that role follows). */
const CRAWL_STARTS: Record<Visitor, string[]> = {
  anonymous: ['/forum', '/places', '/bookings/places', '/organizations', '/posts', '/events'],
  guardian: ['/family', '/account', '/timeline', '/bookings', '/procedures', '/inbox'],
  org: ['/org'],
  staff: ['/staff', '/moderation/forum', '/staff/procedures'],
  coordinator: ['/support', '/support/forum'],
  moderator: ['/moderation/forum'],
  admin: ['/admin']
};

/** The visitor whose view of a page axe checks: the least privileged one the audience lets in. */
const AXE_VISITOR: Record<Audience, Visitor> = { public: 'anonymous', guardian: 'guardian', org: 'org', staff: 'staff', support: 'coordinator', moderation: 'moderator', admin: 'admin' };

test('every page passes axe (WCAG 2.2 A/AA) for a visitor its audience lets in', async ({ browser }) => {
  test.setTimeout(600_000);
  const pages = routes.filter((r) => r.kind === 'page' && r.hasGet && r.audience && !['/language', '/sign-out'].includes(r.path));
  const failures: string[] = [];
  for (const visitor of [...new Set(Object.values(AXE_VISITOR))]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    if (visitor !== 'anonymous') await loginAs(page, visitor as DemoRole);
    const mine = pages.filter((r) => AXE_VISITOR[r.audience!] === visitor);
    const idRoutes = mine.filter(hasIdParam);
    const starts = CRAWL_STARTS[visitor];
    const found = idRoutes.length ? await collectIdRouteUrls(page, starts, idRoutes) : new Map<string, string>();
    for (const route of mine) {
      const url = hasIdParam(route) ? found.get(route.id) : concreteUrl(route.path);
      if (!url) {
        failures.push(`${route.id}: no page of this kind reachable by links for ${visitor}`);
        continue;
      }
      await page.goto(url);
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      for (const v of results.violations) failures.push(`${url} (${visitor}): ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    }
    await context.close();
  }
  expect(failures).toEqual([]);
});
