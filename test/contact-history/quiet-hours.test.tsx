import { configure, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db } from '@/backend/store';
import { renderApp } from '../render-app';

configure({ asyncUtilTimeout: 5000 });

const allDays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/**
 * Alex set every day quiet for marketing calls just after the account was opened (recorded then),
 * so the sales calls made before "email only" went against that choice.
 */
function quietEveryDaySinceOpening() {
  db.preferences.consentEvents.unshift({
    id: 'ce-morgan-quiet',
    accountId: 'acc-morgan',
    at: '2024-02-10T09:05:00.000Z',
    actor: { type: 'customer', personId: 'alex', name: 'Alex Morgan' },
    method: 'web',
    note: null,
    changes: allDays.map((day) => ({ path: `quietHours.marketing.days.${day}`, from: false, to: true })),
  });
}

describe('contact history: calls in quiet hours', () => {
  it('flags a sales call made in quiet hours and reports it in one step', async () => {
    quietEveryDaySinceOpening();
    const { user } = renderApp('/contact-history?broken=true', { persona: 'alex' });
    expect(
      await screen.findByText(/\d+ contacts went against your choices\./, {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
    const quiet = await screen.findAllByText(
      'You had set quiet hours for marketing calls. This call should not have happened.',
    );
    expect(quiet).toHaveLength(2);
    const row = quiet[0]!.closest('li')!;
    await user.click(within(row).getByRole('button', { name: 'Report this contact' }));
    await user.click(screen.getByRole('button', { name: 'Send report' }));
    expect(await screen.findByText(/^Report sent\. Your reference is KT-/)).toBeInTheDocument();
    expect(db.contactHistory.reports).toHaveLength(1);
  });

  it('says the same in German', async () => {
    quietEveryDaySinceOpening();
    renderApp('/contact-history?broken=true', { persona: 'alex', language: 'de' });
    expect(
      await screen.findAllByText(
        'Sie hatten Ruhezeiten für Werbeanrufe eingestellt. Dieser Anruf hätte nicht stattfinden dürfen.',
      ),
    ).toHaveLength(2);
  });

  it('flags a service call in the service quiet hours, but never a security alert', async () => {
    // Since the account opened: no service calls or texts before 15:00 or after 20:00.
    db.preferences.consentEvents.unshift({
      id: 'ce-morgan-service-quiet',
      accountId: 'acc-morgan',
      at: '2024-02-10T09:05:00.000Z',
      actor: { type: 'customer', personId: 'alex', name: 'Alex Morgan' },
      method: 'web',
      note: null,
      changes: [
        { path: 'quietHours.service.notBefore', from: null, to: '15:00' },
        { path: 'quietHours.service.notAfter', from: null, to: '20:00' },
      ],
    });
    renderApp('/contact-history?broken=true', { persona: 'alex' });
    // The fault call at 14:30 (UK time) is flagged; the security text at 21:02 is not.
    const flagged = await screen.findAllByText(
      'You had set quiet hours for service calls. This call should not have happened then.',
      {},
      { timeout: 10_000 },
    );
    expect(flagged).toHaveLength(1);
    expect(flagged[0]!.closest('li')).toHaveTextContent('Call about your fault report for the home broadband.');
    expect(screen.queryByText('Your phone password was changed.')).not.toBeInTheDocument();
  });
});
