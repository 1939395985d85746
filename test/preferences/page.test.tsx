import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { Preferences } from '@/features/preferences/api/get-preferences';
import { preferencesKeys } from '@/features/preferences/keys';
import { server } from '@/mocks/node';
import { applyChanges } from '@/backend/domain/preferences';
import { db } from '@/backend/store';
import { renderApp } from '../render-app';
import { expectServerErrors } from '../server-errors';

const topic = (name: string) => screen.getByRole('group', { name });
const toggle = (group: string, name: string) => within(topic(group)).getByRole('switch', { name });
const success = () => screen.getAllByRole('status').find((el) => el.closest('.prefs-status'))!;
const alertRegion = () => screen.getAllByRole('alert').find((el) => el.closest('.prefs-status'))!;

async function openPreferences(options: Parameters<typeof renderApp>[1] = { persona: 'alex' }) {
  const view = renderApp('/preferences', options);
  // The first render loads the lazy route and catalogues; on a busy machine that can take a while.
  await screen.findByRole('heading', { level: 2, name: 'What you get now' }, { timeout: 8000 });
  return view;
}

const prefs = () => db.preferences.current['acc-morgan']!;
/** Changes made earlier on the web by the holder, before the page opens. */
const changedEarlier = (who: 'alex' | 'priya', changes: { path: string; to: boolean }[]) =>
  applyChanges({
    accountId: who === 'alex' ? 'acc-morgan' : 'acc-shah',
    actor: { type: 'customer', personId: who, name: who === 'alex' ? 'Alex Morgan' : 'Priya Shah' },
    method: 'web',
    changes,
  });
const patchFailure = (status: number, body: object = {}) =>
  server.use(
    http.patch('/api/accounts/:accountId/preferences', () =>
      HttpResponse.json(
        { type: 'about:blank', title: 'Failed', status, ...body },
        { status, headers: { 'Content-Type': 'application/problem+json' } },
      ),
    ),
  );

describe('contact choices page', () => {
  it('shows "email only" at a glance, with the matching quick choice pressed', async () => {
    await openPreferences();
    expect(screen.getByText('You get marketing by email only.')).toBeInTheDocument();
    expect(screen.getByText('It comes from Kestrel Telecom only.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Email only' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'No marketing at all' })).toHaveAttribute('aria-pressed', 'false');
    expect(toggle('Offers and upgrades', 'Email')).toBeChecked();
    expect(toggle('Offers and upgrades', 'Text message')).not.toBeChecked();
    expect(screen.queryByText(/are you sure/i)).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /terms/i })).not.toBeInTheDocument();
  });

  it('turns each topic and channel on and off, saving at once with a spoken receipt', async () => {
    const { user } = await openPreferences();
    for (const [group, key] of [
      ['Offers and upgrades', 'offers'],
      ['New products', 'new-products'],
      ['Newsletter', 'newsletter'],
      ['Surveys and research', 'surveys'],
    ] as const) {
      for (const [label, channel] of [
        ['Email', 'email'],
        ['Text message', 'sms'],
        ['Phone call', 'phone'],
        ['Post', 'post'],
        ['App notification', 'app'],
      ] as const) {
        const control = toggle(group, label);
        const was = prefs().marketing[key][channel];
        await user.click(control);
        await waitFor(() => expect(prefs().marketing[key][channel]).toBe(!was));
        if (was) expect(control).not.toBeChecked();
        else expect(control).toBeChecked();
        await waitFor(() => expect(success()).toHaveTextContent(`Saved: ${group} by`));
      }
    }
    expect(db.preferences.consentEvents.filter((e) => e.method === 'web')).toHaveLength(20);
  }, 60_000);

  it('turns SMS offers on and then off with the same single press, each recorded', async () => {
    const { user } = await openPreferences();
    await user.click(toggle('Offers and upgrades', 'Text message'));
    await waitFor(() => expect(success()).toHaveTextContent('Saved: Offers and upgrades by text message: on.'));
    expect(success()).toHaveTextContent('Now in force: You get marketing by email and text message.');
    expect(screen.getByRole('button', { name: 'Email only' })).toHaveAttribute('aria-pressed', 'false');
    await user.click(toggle('Offers and upgrades', 'Text message'));
    await waitFor(() => expect(success()).toHaveTextContent('Saved: Offers and upgrades by text message: off.'));
    expect(screen.getByRole('button', { name: 'Email only' })).toHaveAttribute('aria-pressed', 'true');
    expect(db.preferences.consentEvents.slice(-2).map((e) => e.changes[0]!.to)).toEqual([true, false]);
    // The receipt can be hidden; focus goes back to the control.
    await user.click(within(success()).getByRole('button', { name: 'Hide this message' }));
    expect(success()).toBeEmptyDOMElement();
    expect(toggle('Offers and upgrades', 'Text message')).toHaveFocus();
  });

  it('shows a press in the same frame, from the one cache the save updates (no second copy)', async () => {
    const { queryClient } = await openPreferences();
    const sms = toggle('Offers and upgrades', 'Text message');
    fireEvent.click(sms);
    // Checked at once, and the query cache already says so: the screen shows the cache, nothing else.
    expect(sms).toBeChecked();
    const cached = queryClient.getQueryData<Preferences>(preferencesKeys.detail('acc-morgan'));
    expect(cached?.marketing.offers.sms).toBe(true);
    await waitFor(() => expect(success()).toHaveTextContent('Saved: Offers and upgrades by text message: on.'));
    expect(sms).toBeChecked();
  });

  it('keeps who may contact as three separate choices, partners off until turned on', async () => {
    const { user } = await openPreferences();
    const group = screen.getByRole('group', { name: 'Who may contact you about marketing' });
    const partners = within(group).getByRole('switch', { name: 'Partner companies' });
    expect(within(group).getByRole('switch', { name: 'Kestrel Telecom' })).toBeChecked();
    expect(within(group).getByRole('switch', { name: 'Our agents and resellers' })).not.toBeChecked();
    expect(partners).not.toBeChecked();
    await user.click(partners);
    await waitFor(() => expect(prefs().senders.partners).toBe(true));
    await user.click(within(group).getByRole('switch', { name: 'Our agents and resellers' }));
    await waitFor(() => expect(prefs().senders.agents).toBe(true));
    await waitFor(() =>
      expect(success()).toHaveTextContent(
        'It comes from Kestrel Telecom, our agents and resellers and partner companies.',
      ),
    );
  });

  it('applies the quick choices and shows what each one changed', async () => {
    const { user } = await openPreferences();
    await user.click(screen.getByRole('button', { name: 'No marketing at all' }));
    await waitFor(() => expect(success()).toHaveTextContent('No marketing at all is now in force.'));
    expect(
      within(success())
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Offers and upgrades by email: off',
      'New products by email: off',
      'Newsletter by email: off',
      'Surveys and research by email: off',
    ]);
    expect(screen.getByRole('region', { name: 'What you get now' })).toHaveTextContent('You get no marketing from us.');
    expect(toggle('Newsletter', 'Email')).not.toBeChecked();

    await user.click(screen.getByRole('button', { name: 'Put back my earlier choices' }));
    await waitFor(() => expect(success()).toHaveTextContent('Your earlier choices are back.'));
    expect(toggle('Newsletter', 'Email')).toBeChecked();

    await user.click(screen.getByRole('button', { name: 'Email only' }));
    await waitFor(() => expect(success()).toHaveTextContent('Email only was already in force. Nothing changed.'));
    expect(db.preferences.consentEvents.filter((e) => e.method === 'preset')).toHaveLength(3);
  });

  it('"Email only" never opts anyone in: Alex with the newsletter email off keeps it off', async () => {
    changedEarlier('alex', [
      { path: 'marketing.newsletter.email', to: false },
      { path: 'marketing.offers.sms', to: true },
    ]);
    const { user } = await openPreferences();
    await user.click(screen.getByRole('button', { name: 'Email only' }));
    await waitFor(() => expect(success()).toHaveTextContent('Email only is now in force.'));
    expect(prefs().marketing.newsletter.email).toBe(false);
    expect(prefs().marketing.offers.sms).toBe(false);
    expect(toggle('Newsletter', 'Email')).not.toBeChecked();
    expect(
      within(success())
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Offers and upgrades by text message: off']);
    expect(screen.getByRole('button', { name: 'Email only' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('"Email only" says plainly when it leaves no marketing on', async () => {
    changedEarlier('alex', [
      ...['offers', 'new-products', 'newsletter', 'surveys'].map((topic) => ({
        path: `marketing.${topic}.email`,
        to: false,
      })),
      { path: 'marketing.offers.sms', to: true },
    ]);
    const { user } = await openPreferences();
    await user.click(screen.getByRole('button', { name: 'Email only' }));
    await waitFor(() =>
      expect(success()).toHaveTextContent(
        'You had no marketing by email, so you now get no marketing at all. To get some by email, turn it on below.',
      ),
    );
    expect(Object.values(prefs().marketing).every((byChannel) => !Object.values(byChannel).some(Boolean))).toBe(true);
  });

  it('names the button that puts back earlier choices for what it does, not as a mode', async () => {
    await openPreferences();
    const restore = screen.getByRole('button', { name: 'Put back my earlier choices' });
    expect(restore).not.toHaveAttribute('aria-pressed');
    expect(screen.queryByRole('button', { name: 'Let me choose' })).not.toBeInTheDocument();
  });

  it('says plainly when there are no earlier choices to put back', async () => {
    changedEarlier('priya', [
      { path: 'marketing.offers.post', to: false },
      { path: 'marketing.new-products.email', to: true },
      { path: 'marketing.surveys.email', to: true },
    ]);
    const { user } = await openPreferences({ persona: 'priya' });
    expect(screen.getByRole('button', { name: 'Email only' })).toHaveAttribute('aria-pressed', 'true');
    await user.click(screen.getByRole('button', { name: 'Put back my earlier choices' }));
    await waitFor(() => expect(success()).toHaveTextContent('There are no earlier choices to put back.'));
  });

  it('pauses all marketing until a date, shows it plainly, and ends it early', async () => {
    const { user } = await openPreferences();
    const until = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    await user.type(screen.getByLabelText('Pause until'), until);
    await user.click(screen.getByRole('button', { name: 'Pause marketing' }));
    await waitFor(() => expect(prefs().pausedUntil).toBe(until));
    const shown = new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'Europe/London',
    }).format(new Date(until));
    expect(
      await screen.findByText(`All marketing is paused until ${shown}.`, { selector: '.prefs-pause p' }),
    ).toBeInTheDocument();
    expect(screen.getByText('After the pause, you get marketing by email only.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'End the pause now' }));
    await waitFor(() => expect(prefs().pausedUntil).toBeNull());
    await waitFor(() => expect(success()).toHaveTextContent('Saved: pause ended.'));
    expect(screen.getByText('Marketing is not paused.')).toBeInTheDocument();
  });

  it('refuses a pause date in the past or too far ahead, with an error summary and nothing saved', async () => {
    const { user } = await openPreferences();
    const field = screen.getByLabelText('Pause until');
    await user.type(field, '2020-01-01');
    await user.click(screen.getByRole('button', { name: 'Pause marketing' }));
    expect(await screen.findByRole('link', { name: 'Choose a date after today.' })).toBeInTheDocument();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    await user.clear(field);
    await user.type(field, '2099-01-01');
    await user.click(screen.getByRole('button', { name: 'Pause marketing' }));
    expect(await screen.findByRole('link', { name: 'Choose a date within the next year.' })).toBeInTheDocument();
    expect(prefs().pausedUntil).toBeNull();
  });

  it('sets and clears a weekly limit per channel, and refuses a limit below 1', async () => {
    const { user } = await openPreferences();
    const email = screen.getByRole('textbox', { name: 'Email' });
    await user.type(email, '0');
    await user.click(screen.getByRole('button', { name: 'Save limits' }));
    expect(
      await screen.findByRole('link', { name: 'Email: Enter 1 or more, or leave it empty for no limit.' }),
    ).toBeInTheDocument();
    // The summary takes focus once it is drawn (after the list): wait for that, not for a time.
    await waitFor(() => expect(screen.getByRole('alert', { name: 'There is a problem' })).toHaveFocus());
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(prefs().caps.email).toBeNull();
    await user.clear(email);
    await user.type(email, '2');
    await user.click(screen.getByRole('button', { name: 'Save limits' }));
    await waitFor(() => expect(prefs().caps.email).toBe(2));
    await waitFor(() => expect(success()).toHaveTextContent('Saved: weekly limit for email: 2.'));
    expect(screen.getByText('At most 2 emails a week.')).toBeInTheDocument();
    await user.clear(screen.getByRole('textbox', { name: 'Email' }));
    await user.click(screen.getByRole('button', { name: 'Save limits' }));
    await waitFor(() => expect(prefs().caps.email).toBeNull());
  });

  it('lets the customer choose the channel for service messages, which cannot be turned off', async () => {
    const { user } = await openPreferences();
    const bills = screen.getByRole('group', { name: 'Bills' });
    expect(within(bills).getByRole('radio', { name: 'By email' })).toBeChecked();
    expect(within(bills).queryByRole('switch')).not.toBeInTheDocument();
    await user.click(within(bills).getByRole('radio', { name: 'By post' }));
    await waitFor(() => expect(prefs().service.bills).toBe('post'));
    await waitFor(() => expect(success()).toHaveTextContent('Saved: Bills: by post.'));
  });

  it('rolls a failed save back, says so, and retries', async () => {
    const { user } = await openPreferences();
    expectServerErrors();
    patchFailure(500);
    // The refresh after the failure fails too: the page keeps the choices it has.
    server.use(
      http.get('/api/accounts/:accountId/preferences', () =>
        HttpResponse.json({ type: 'about:blank', title: 'Down', status: 503 }, { status: 503 }),
      ),
    );
    const sms = toggle('Offers and upgrades', 'Text message');
    await user.click(sms);
    await waitFor(() =>
      expect(alertRegion()).toHaveTextContent(
        'We could not save this change: Offers and upgrades by text message: on. It is back as it was.',
      ),
    );
    expect(sms).not.toBeChecked();
    expect(prefs().marketing.offers.sms).toBe(false);
    server.resetHandlers();
    await user.click(within(alertRegion()).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(prefs().marketing.offers.sms).toBe(true));
    await waitFor(() => expect(toggle('Offers and upgrades', 'Text message')).toBeChecked());
    expect(success()).toHaveTextContent('Saved: Offers and upgrades by text message: on.');
    expect(alertRegion()).toBeEmptyDOMElement();
  });

  it('on a conflict from another tab, loads the latest choices and says so plainly', async () => {
    const { user } = await openPreferences();
    // Another tab turns post offers on meanwhile.
    prefs().marketing.offers.post = true;
    prefs().version += 1;
    await user.click(toggle('Offers and upgrades', 'Text message'));
    await waitFor(() => expect(alertRegion()).toHaveTextContent('Your choices were changed somewhere else'));
    await waitFor(() => expect(toggle('Offers and upgrades', 'Post')).toBeChecked());
    expect(toggle('Offers and upgrades', 'Text message')).not.toBeChecked();
    expect(prefs().marketing.offers.sms).toBe(false);
    // The next press works against the latest version.
    await user.click(toggle('Offers and upgrades', 'Text message'));
    await waitFor(() => expect(prefs().marketing.offers.sms).toBe(true));
  });

  it('saves quick presses one after another without a false conflict', async () => {
    const { user } = await openPreferences();
    await user.click(toggle('Offers and upgrades', 'Text message'));
    await user.click(toggle('Newsletter', 'Post'));
    await user.click(toggle('Surveys and research', 'App notification'));
    await waitFor(() => expect(prefs().version).toBe(5));
    expect(prefs().marketing).toMatchObject({
      offers: { sms: true },
      newsletter: { post: true },
      surveys: { app: true },
    });
    expect(alertRegion()).toBeEmptyDOMElement();
  });

  it('shows a delegate without the preferences scope the choices read-only, saying who can change them', async () => {
    db.delegates.grants.push({
      id: 'g-1',
      accountId: 'acc-morgan',
      personId: 'jamie',
      name: 'Jamie Morgan',
      contact: 'jamie@example.com',
      relationship: 'partner',
      scopes: ['view'],
      until: null,
      status: 'active',
      createdAt: '2026-11-01T00:00:00.000Z',
    });
    await openPreferences({ persona: 'jamie', accountId: 'acc-morgan' });
    expect(
      screen.getByText(
        'You can see these choices but not change them. Alex Morgan can change them, or give you permission to.',
      ),
    ).toBeInTheDocument();
    expect(toggle('Offers and upgrades', 'Email')).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'No marketing at all' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Pause marketing' })).not.toBeInTheDocument();
  });

  it('tells a person who may not see the choices how to get access', async () => {
    renderApp('/preferences', { persona: 'sam' });
    expect(
      await screen.findByText(/You cannot see the contact choices for this account. Ask Alex Morgan to add you/),
    ).toBeInTheDocument();
  });

  it('runs a test campaign and shows how many were sent and refused, and why', async () => {
    const { user } = await openPreferences();
    await user.click(screen.getByRole('button', { name: 'Run a test campaign' }));
    expect(await screen.findByText('15 messages tried: 5 sent, 10 refused.')).toBeInTheDocument();
    expect(screen.getByText('You said no to this sender: 4')).toBeInTheDocument();
    expect(screen.getByText('You said no to this channel for this topic: 5')).toBeInTheDocument();
    expect(screen.getByText('The line is used by someone under 18: 1')).toBeInTheDocument();
    expect(db.preferences.sendAttempts).toHaveLength(15);
  });

  it('works in German too', async () => {
    renderApp('/preferences', { persona: 'alex', language: 'de' });
    expect(await screen.findByText('Sie erhalten Werbung nur per E-Mail.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Nur E-Mail' })).toHaveAttribute('aria-pressed', 'true');
  });
});
