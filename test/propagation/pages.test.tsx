import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { advanceClock, nowIso } from '@/backend/clock';
import { signToken } from '@/backend/domain/unsubscribe-tokens';
import { overdueActivity } from '@/backend/domain/propagation';
import { db } from '@/backend/store';
import { renderApp } from '../render-app';

// Ask again every 50 ms instead of every 5 s, so the tests follow the systems without waiting.
vi.mock('@/features/propagation/api/poll', async (original) => {
  const real = await original<typeof import('@/features/propagation/api/poll')>();
  return {
    ...real,
    refetchWhileWaiting: (query: Parameters<typeof real.refetchWhileWaiting>[0]) =>
      real.refetchWhileWaiting(query) && 50,
  };
});

const minute = 60_000;
const hour = 60 * minute;

const offersToken = () =>
  signToken({
    kind: 'opt-out',
    accountId: 'acc-morgan',
    personId: 'alex',
    channel: 'email',
    topic: 'offers',
    issuedAt: '2026-11-20T08:30:00.000Z',
  });

const panel = () => screen.getByRole('region', { name: 'Systems that send for us' });
const summary = () => within(panel()).getByRole('status');
const rows = () =>
  within(panel())
    .getAllByRole('listitem')
    .map((li) => li.textContent);

describe('proof that every system stopped, as the customer sees it', () => {
  it('after the unsubscribe press, each system confirms in turn, announced politely, focus left alone', async () => {
    const token = await offersToken();
    const { user } = renderApp(`/unsubscribe?t=${token}`);
    await user.click(await screen.findByRole('button', { name: 'Stop these emails' }));
    await waitFor(() => expect(summary()).toHaveTextContent('0 of 5 systems have confirmed so far.'));
    expect(summary()).not.toHaveAttribute('aria-live', 'assertive');
    expect(rows()).toContain('Print house: waiting to confirm');
    await waitFor(() => expect(document.activeElement).not.toBe(document.body));
    const focused = document.activeElement;

    advanceClock(40_000);
    await waitFor(() => expect(summary()).toHaveTextContent('3 of 5 systems have confirmed so far.'));
    expect(rows().find((r) => r!.startsWith('Email platform'))).toMatch(/^Email platform: confirmed \d/);
    advanceClock(10 * minute);
    await waitFor(() => expect(summary()).toHaveTextContent('Every system has stopped.'));
    expect(rows().every((r) => /confirmed/.test(r!))).toBe(true);
    expect(document.activeElement).toBe(focused);
  });

  it('asks again only while a system is waiting', async () => {
    const { refetchWhileWaiting, pollMs } = await vi.importActual<typeof import('@/features/propagation/api/poll')>(
      '@/features/propagation/api/poll',
    );
    const at = (state: 'none' | 'waiting' | 'confirmed' | 'overdue') =>
      refetchWhileWaiting({ state: { data: { state, requestedAt: null, systems: [] } } });
    expect([at('waiting'), at('confirmed'), at('overdue'), at('none')]).toEqual([pollMs, false, false, false]);
  });

  it('names a late system plainly on contact choices, with the date letters may still arrive, and says it was raised', async () => {
    db.propagation.lagging = 'print-house';
    const { user } = renderApp('/preferences', { persona: 'alex', language: 'en' });
    await screen.findByRole('heading', { level: 2, name: 'What you get now' }, { timeout: 8000 });
    expect(screen.queryByRole('region', { name: 'Systems that send for us' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'No marketing at all' }));
    await waitFor(() => expect(summary()).toHaveTextContent(/systems have confirmed so far/));

    advanceClock(48 * hour + minute);
    // Sessions end after 12 hours; Alex is still using the page two days later, as after signing in again.
    for (const session of Object.values(db.core.sessions)) session.createdAt = nowIso();
    await waitFor(() => expect(summary()).toHaveTextContent('Not every system has confirmed in time.'), {
      timeout: 4000,
    });
    const requestedAt = db.propagation.requests[0]!.requestedAt;
    const until = new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'Europe/London',
    }).format(new Date(Date.parse(requestedAt) + 96 * hour));
    expect(
      within(panel()).getByText(
        new RegExp(
          `^The print house has not confirmed yet\\. Letters already printed may still arrive until ${until}\\.`,
        ),
      ),
    ).toHaveTextContent(/We raised this with our team on/);
    expect(rows()).toContain('Print house: has not confirmed');
    expect(overdueActivity('acc-morgan')).toHaveLength(1);
  });

  it('says the same in German', async () => {
    const token = await offersToken();
    const { user } = renderApp(`/unsubscribe?t=${token}`, { language: 'de' });
    await user.click(await screen.findByRole('button', { name: /abbestellen/i }));
    const region = () => screen.getByRole('region', { name: 'Systeme, die für uns senden' });
    // The clock moves on only once the change is recorded (as in English above): moved before, the
    // systems would be told at the later time and still be waiting.
    await waitFor(() => expect(region()).toHaveTextContent('0 von 5 Systemen haben bisher bestätigt.'));
    advanceClock(10 * minute);
    await waitFor(() => expect(region()).toHaveTextContent('Alle Systeme haben gestoppt.'));
  });
});
