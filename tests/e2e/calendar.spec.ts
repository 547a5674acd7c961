import { test, expect, expectNoAxeViolations } from './fixtures.ts';
import { freshEmail, NEW_PASSWORD, signInWith, signUpAndVerify } from './pages/auth-pages.ts';

/** Today in Tokyo, `months` calendar months ago (month ends clamped as the server does). */
function tokyoMonthsAgo(months: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const [y, m, d] = today.split('-').map(Number);
  const lastDay = new Date(Date.UTC(y, m - 1 - months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 - months, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

for (const javaScriptEnabled of [true, false]) {
  test(`a fresh guardian creates a private calendar link, downloads it, sees their item, revokes it and the old link is gone (${javaScriptEnabled ? 'with' : 'without'} JavaScript)`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    const email = freshEmail('calendar');
    await signUpAndVerify(page, email);
    await signInWith(page, email, NEW_PASSWORD);
    await expect(page.getByRole('button', { name: 'ログアウト' })).toBeVisible();
    await page.goto('/family');
    await page.getByLabel('お住まいの地区').selectOption({ label: '本町' });
    await page.getByRole('button', { name: '世帯を登録する' }).click();
    await expect(page.getByRole('status')).toContainText('世帯を登録しました');

    // The child is added through the JSON API with the browser's session (the household API of issue 3).
    const added = await page.request.post('/api/v1/me/household/children', { data: { name: 'こよみ', birthDate: tokyoMonthsAgo(2) } });
    expect(added.status()).toBe(201);
    const household = await (await page.request.get('/api/v1/me/household')).json();
    expect(household.household.children.map((c: { name: string }) => c.name)).toEqual(['こよみ']);

    await page.goto('/timeline');
    await expect(page.getByRole('heading', { level: 2, name: '予約' })).toBeVisible();
    await expect(page.getByText('これからの予約はありません。')).toBeVisible();
    await page.getByRole('link', { name: 'カレンダーアプリに登録する' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('カレンダーアプリに登録');
    await expect(page.getByTestId('calendar-status')).toHaveText('カレンダーのリンクはまだありません。');
    if (javaScriptEnabled) await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'リンクを作る' }).click();
    await expect(page.getByRole('status')).toContainText('リンクを作りました');
    const url = await page.getByLabel('あなたのカレンダーのリンク').inputValue();
    expect(url).toMatch(/\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);

    const feed = await page.request.get(url);
    expect(feed.status()).toBe(200);
    expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8');
    const ics = await feed.text();
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics.replace(/\r\n /g, '')).toContain('SUMMARY:B型肝炎 1回目');
    expect(ics).not.toContain('こよみ');

    // The link is shown once: a reload shows only that a link exists.
    await page.goto('/timeline/calendar');
    await expect(page.getByTestId('calendar-status')).toContainText('リンクが使えます');
    await expect(page.getByLabel('あなたのカレンダーのリンク')).toHaveCount(0);

    await page.getByRole('button', { name: 'リンクを無効にする' }).click();
    await expect(page.getByRole('status')).toContainText('リンクを無効にしました。');
    const gone = await page.request.get(url);
    expect(gone.status()).toBe(404);
    expect((await gone.json()).code).toBe('api.not_found');
    await context.close();
  });
}
