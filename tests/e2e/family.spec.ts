import { test, expect, expectNoAxeViolations, loginAs } from './fixtures.ts';
import { householdJourney } from './family-journey.ts';

test('the demo family: the second guardian sees the shared baby and pregnancy, and a guessed id is not found', async ({ page }) => {
  await loginAs(page, 'guardian2');
  await page.goto('/family');
  await expect(page.getByText('お住まいの地区：桜ヶ丘')).toBeVisible();
  await expect(page.getByText('佐藤 陽葵', { exact: true })).toBeVisible();
  await expect(page.getByText(/^今日で妊娠\d+週\d日$/)).toBeVisible();
  await expect(page.getByText('佐藤 花子')).toBeVisible();
  await expectNoAxeViolations(page);
  const response = await page.goto('/family/pregnancies/00000000-0000-4000-8000-000000000000/edit');
  expect(response?.status()).toBe(404);
});

test.describe('with JavaScript', () => {
  householdJourney({
    owner: { email: 'yamamoto@sakura.example', name: '山本 由美' },
    invitee: { email: 'ito@sakura.example', name: '伊藤 健' },
    district: '本町',
    javaScriptEnabled: true,
    outcome: 'loss'
  });
});
