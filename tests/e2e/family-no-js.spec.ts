import { test } from './fixtures.ts';
import { householdJourney } from './family-journey.ts';

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  householdJourney({
    owner: { email: 'kato@sakura.example', name: '加藤 愛' },
    invitee: { email: 'kobayashi@sakura.example', name: '小林 翔' },
    district: '川辺',
    javaScriptEnabled: false,
    outcome: 'birth'
  });
});
