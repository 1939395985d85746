import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { advanceClock } from '@/backend/clock';
import { signToken } from '@/backend/domain/unsubscribe-tokens';
import { server } from '@/mocks/node';
import { db, snapshotDb } from '@/backend/store';
import { undoMinutesFrom } from '@/shared/unsubscribe/undo-window';
import { renderApp } from '../render-app';
import { expectServerErrors } from '../server-errors';

const offersToken = () =>
  signToken({
    kind: 'opt-out',
    accountId: 'acc-morgan',
    personId: 'alex',
    channel: 'email',
    topic: 'offers',
    issuedAt: '2026-11-20T08:30:00.000Z',
  });
const offers = () => db.preferences.current['acc-morgan']!.marketing.offers.email;
const allMarketingOff = () =>
  Object.values(db.preferences.current['acc-morgan']!.marketing).every((byChannel) =>
    Object.values(byChannel).every((on) => !on),
  );

describe('unsubscribe page', () => {
  it('says what stops in one line, changes nothing until the press, then confirms and offers more', async () => {
    const token = await offersToken();
    const before = snapshotDb();
    const { user, router } = renderApp(`/unsubscribe?t=${token}`);
    expect(await screen.findByText('Offers and upgrades by email to a•••@example.com')).toBeInTheDocument();
    expect(
      screen.getByText(/still send service messages, like bills, security alerts and sign-in codes/),
    ).toBeInTheDocument();
    expect(router.state.location.search).toBe('');
    expect(snapshotDb()).toEqual(before);

    await user.click(screen.getByRole('button', { name: 'Stop these emails' }));
    await screen.findByText('Done. You have stopped: Offers and upgrades by email.');
    expect(offers()).toBe(false);
    expect(screen.getByRole('button', { name: 'Undo' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: /Why did you stop these emails\? \(optional\)/ })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Sign in to see all your choices' })).toHaveAttribute(
      'href',
      '/sign-in?next=%2Fpreferences',
    );
  });

  it('undoes, and stops all marketing with one more press (then undoes only that step)', async () => {
    const token = await offersToken();
    const { user } = renderApp(`/unsubscribe?t=${token}`);
    await user.click(await screen.findByRole('button', { name: 'Stop these emails' }));
    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    await screen.findByText('Undone. Your choices are back as they were.');
    expect(offers()).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Stop these emails' }));
    await user.click(await screen.findByRole('button', { name: 'Stop all marketing' }));
    await screen.findByText('Done. We will not send you any marketing by email, text, phone, post or app.');
    expect(allMarketingOff()).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByText(/Still stopped: Offers and upgrades by email\./);
    expect(offers()).toBe(false);
    expect(db.preferences.current['acc-morgan']!.marketing.newsletter.email).toBe(true);
  });

  it('says plainly when it is too late to undo here, and stops offering undo', async () => {
    const token = await offersToken();
    const { user } = renderApp(`/unsubscribe?t=${token}`);
    await user.click(await screen.findByRole('button', { name: 'Stop these emails' }));
    expect(await screen.findByText('You can undo this here for 15 minutes.')).toBeInTheDocument();
    advanceClock(16 * 60_000);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByText('It is too late to undo this here. Sign in to change your choices.');
    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
    expect(offers()).toBe(false);
  });

  it('takes the optional answer, and nudges gently when none is chosen', async () => {
    const token = await offersToken();
    const { user } = renderApp(`/unsubscribe?t=${token}`);
    await user.click(await screen.findByRole('button', { name: 'Stop these emails' }));
    await user.click(await screen.findByRole('button', { name: 'Send answer' }));
    expect(await screen.findByText(/Choose an answer first, or leave this question/)).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Too many emails' }));
    await user.click(screen.getByRole('button', { name: 'Send answer' }));
    await screen.findByText('Thank you for telling us.');
    expect(db.unsubscribe.reasons).toEqual([expect.objectContaining({ accountId: 'acc-morgan', reason: 'too-many' })]);
  });

  it('shows the plain bad-link page for a tampered or missing token', async () => {
    const token = await offersToken();
    renderApp(`/unsubscribe?t=${token.slice(0, -4)}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'This link does not work' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Ask us to email you a new link' })).toHaveAttribute(
      'href',
      '/email-me-a-link',
    );
    expect(screen.getByRole('link', { name: 'Sign in to choose what we send you' })).toBeInTheDocument();
  });

  it('shows the bad-link page when there is no token at all', async () => {
    renderApp('/unsubscribe');
    expect(await screen.findByRole('heading', { level: 1, name: 'This link does not work' })).toBeInTheDocument();
    expect(screen.getByText(/The link has no code in it/)).toBeInTheDocument();
  });

  it('offers a retry, not the bad-link page, when the service is down; a failed press changes nothing and says so', async () => {
    const token = await offersToken();
    expectServerErrors();
    let down = true;
    server.use(
      http.get('*/api/unsubscribe/:token', () =>
        down ? HttpResponse.json({ type: 'x', title: 'down', status: 503 }, { status: 503 }) : undefined,
      ),
    );
    const { user } = renderApp(`/unsubscribe?t=${token}`);
    const retry = await within(await screen.findByRole('main')).findByRole('button', { name: 'Try again' });
    expect(screen.queryByText('This link does not work')).not.toBeInTheDocument();
    down = false;
    await user.click(retry);
    server.use(http.post('*/api/unsubscribe/:token/opt-out', () => HttpResponse.error(), { once: true }));
    await user.click(await screen.findByRole('button', { name: 'Stop these emails' }));
    expect(
      await screen.findByText('We could not do that just now. Nothing has changed. Try again.'),
    ).toBeInTheDocument();
    expect(offers()).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Stop these emails' }));
    await screen.findByText('Done. You have stopped: Offers and upgrades by email.');
  });

  it('works in German', async () => {
    const token = await offersToken();
    const { user } = renderApp(`/unsubscribe?t=${token}`, { language: 'de' });
    expect(await screen.findByText('Angebote und Upgrades per E-Mail an a•••@example.com')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Diese E-Mails abbestellen' }));
    await screen.findByText('Erledigt. Abbestellt: Angebote und Upgrades per E-Mail.');
  });
});

describe('email me a link', () => {
  it('checks the address, then answers the same way for a known and an unknown one', async () => {
    const { user } = renderApp('/email-me-a-link');
    await user.click(await screen.findByRole('button', { name: 'Send me a link' }));
    const summary = await screen.findByRole('alert', { name: 'There is a problem' });
    expect(within(summary).getByRole('link', { name: 'Enter your email address.' })).toBeInTheDocument();
    expect(screen.getByLabelText('Email address')).toHaveAttribute('aria-invalid', 'true');

    await user.type(screen.getByLabelText('Email address'), 'nobody@example.com');
    await user.click(screen.getByRole('button', { name: 'Send me a link' }));
    const unknown = await screen.findByText(/If nobody@example.com is an address we know/);
    const unknownText = unknown.textContent!.replace('nobody@example.com', 'X');
    expect(db.core.outbox).toHaveLength(0);

    await user.clear(screen.getByLabelText('Email address'));
    await user.type(screen.getByLabelText('Email address'), 'alex.morgan@example.com');
    await user.click(screen.getByRole('button', { name: 'Send me a link' }));
    const known = await screen.findByText(/If alex.morgan@example.com is an address we know/);
    expect(known.textContent!.replace('alex.morgan@example.com', 'X')).toBe(unknownText);
    await waitFor(() => expect(db.core.outbox).toHaveLength(1));
  });

  it('opens the choices from the emailed link with one press, then the link is used up', async () => {
    const { user, router } = renderApp('/email-me-a-link');
    await user.type(await screen.findByLabelText('Email address'), 'alex.morgan@example.com');
    await user.click(screen.getByRole('button', { name: 'Send me a link' }));
    await waitFor(() => expect(db.core.outbox).toHaveLength(1));
    const href = new URL(db.core.outbox[0]!.links[0]!.href);
    await router.navigate(`${href.pathname}${href.search}`);
    await user.click(await screen.findByRole('button', { name: 'Open my choices' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/preferences'), { timeout: 4000 });
    expect(localStorage.getItem('pc-active-account')).toBe('acc-morgan');

    // The same link again, opened from the email in a new tab.
    cleanup();
    const again = renderApp(`${href.pathname}${href.search}`);
    await again.user.click(await screen.findByRole('button', { name: 'Open my choices' }, { timeout: 4000 }));
    expect(await screen.findByText(/expired or has already been used/, {}, { timeout: 4000 })).toBeInTheDocument();
  });
});

describe('undo window', () => {
  it('counts whole minutes left, rounding up, never below one', () => {
    const now = Date.parse('2026-11-22T10:00:00Z');
    expect(undoMinutesFrom('2026-11-22T10:15:00Z', now)).toBe(15);
    expect(undoMinutesFrom('2026-11-22T10:00:30Z', now)).toBe(1);
    expect(undoMinutesFrom('2026-11-22T09:00:00Z', now)).toBe(1);
  });
});
