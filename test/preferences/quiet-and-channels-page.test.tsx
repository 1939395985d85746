import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db } from '@/backend/store';
import { renderApp } from '../render-app';
import { alexChanges } from './support';

const prefs = () => db.preferences.current['acc-morgan']!;
const toggle = (group: string, name: string) =>
  within(screen.getByRole('group', { name })).getByRole('switch', { name: group });

async function openPreferences(options: Parameters<typeof renderApp>[1] = { persona: 'alex' }) {
  const view = renderApp('/preferences', options);
  await screen.findByRole('heading', { level: 2, name: /What you get now|Was jetzt gilt/ }, { timeout: 8000 });
  return view;
}

describe('contact choices page: one switch per channel', () => {
  it('turns marketing calls off for every topic with one press, and back to what it was with one more', async () => {
    alexChanges([
      { path: 'marketing.offers.phone', to: true },
      { path: 'marketing.surveys.phone', to: true },
    ]);
    const { user } = await openPreferences();
    const callsOff = screen.getByRole('switch', { name: 'No marketing phone calls at all' });
    expect(callsOff).not.toBeChecked();
    expect(toggle('Phone call', 'Offers and upgrades')).toBeChecked();

    await user.click(callsOff);
    expect(callsOff).toBeChecked();
    for (const topic of ['Offers and upgrades', 'New products', 'Newsletter', 'Surveys and research']) {
      expect(toggle('Phone call', topic)).not.toBeChecked();
      expect(toggle('Phone call', topic)).toBeDisabled();
      expect(toggle('Phone call', topic)).toHaveAccessibleDescription(
        'Off because you chose “No marketing phone calls at all”.',
      );
    }
    expect(await screen.findByText('You turned off all marketing by phone call.')).toBeInTheDocument();
    expect(prefs().channelsOff.phone).toBe(true);

    await user.click(callsOff);
    expect(callsOff).not.toBeChecked();
    expect(toggle('Phone call', 'Offers and upgrades')).toBeChecked();
    expect(toggle('Phone call', 'Surveys and research')).toBeChecked();
    expect(toggle('Phone call', 'Newsletter')).not.toBeChecked();
    expect(prefs().marketing.offers.phone).toBe(true);
    // Both presses are in the consent record.
    const changes = db.preferences.consentEvents.slice(-2).map((e) => e.changes);
    expect(changes).toEqual([
      [{ path: 'channelsOff.phone', from: false, to: true }],
      [{ path: 'channelsOff.phone', from: true, to: false }],
    ]);
  }, 30_000);

  it('shows Sam’s line as locked, with one plain sentence why', async () => {
    await openPreferences();
    const lines = await screen.findByRole('region', { name: 'Lines used by children' });
    expect(within(lines).getByText('Sam Morgan’s line, 07700 900456')).toBeInTheDocument();
    expect(within(lines).getByText('Locked: no marketing')).toBeInTheDocument();
    expect(
      within(lines).getByText(
        'Sam Morgan is under 18, so we never send marketing to this line, whatever the choices on this page say.',
      ),
    ).toBeInTheDocument();
    expect(within(lines).queryByText(/Alex Morgan/)).not.toBeInTheDocument();
  });

  it('in German too', async () => {
    await openPreferences({ persona: 'alex', language: 'de' });
    expect(screen.getByRole('switch', { name: 'Gar keine Werbeanrufe' })).toBeInTheDocument();
    expect(await screen.findByRole('region', { name: 'Anschlüsse von Kindern' })).toHaveTextContent(
      'Sam Morgan ist unter 18.',
    );
  });
});

describe('contact choices page: quiet hours', () => {
  it('saves quiet hours for marketing, says so, and shows them at a glance', async () => {
    const { user } = await openPreferences();
    const marketing = screen.getByRole('group', { name: 'Marketing calls and texts' });
    await user.type(within(marketing).getByLabelText('Not before'), '10:00');
    await user.type(within(marketing).getByLabelText('Not after'), '19:00');
    await user.click(within(marketing).getByRole('checkbox', { name: 'Sundays' }));
    await user.click(screen.getByRole('button', { name: 'Save quiet hours' }));

    expect(
      await screen.findByText('No marketing calls or texts before 10:00, after 19:00 or on Sundays.'),
    ).toBeInTheDocument();
    expect(prefs().quietHours.marketing).toEqual({
      notBefore: '10:00',
      notAfter: '19:00',
      days: { mon: false, tue: false, wed: false, thu: false, fri: false, sat: false, sun: true },
    });
    expect(prefs().quietHours.service.notBefore).toBeNull();
    expect(db.preferences.consentEvents.at(-1)!.changes).toHaveLength(3);
  });

  it('stops at a window that ends before it starts, with an error summary', async () => {
    const { user } = await openPreferences();
    const marketing = screen.getByRole('group', { name: 'Marketing calls and texts' });
    await user.type(within(marketing).getByLabelText('Not before'), '19:00');
    await user.type(within(marketing).getByLabelText('Not after'), '10:00');
    await user.click(screen.getByRole('button', { name: 'Save quiet hours' }));
    const summary = await screen.findByRole('alert', { name: 'There is a problem' });
    expect(summary).toHaveTextContent('The “Not after” time must be later than the “Not before” time.');
    expect(prefs().quietHours.marketing.notBefore).toBeNull();
  });

  it('the test campaign at 21:00 refuses a call in quiet hours', async () => {
    alexChanges([
      { path: 'marketing.offers.phone', to: true },
      { path: 'quietHours.marketing.notAfter', to: '19:00' },
    ]);
    const { user } = await openPreferences();
    await user.type(screen.getByLabelText('Send time (optional)'), '21:00');
    await user.click(screen.getByRole('button', { name: 'Run a test campaign' }));
    expect(await screen.findByText(/It was in your quiet hours: [1-9]/)).toBeInTheDocument();
    expect(screen.getAllByText('This was in your quiet hours.').length).toBeGreaterThan(0);
  });
});
