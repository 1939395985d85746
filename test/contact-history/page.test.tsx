import { act, configure, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { http, HttpResponse } from 'msw';
import { server } from '@/mocks/node';
import { contactHistoryKeys } from '@/features/contact-history/keys';
import { checkSend } from '@/backend/domain/preferences';
import { db } from '@/backend/store';
import { renderApp } from '../render-app';
import { expectServerErrors } from '../server-errors';
import { grantJamie } from './support';

// The machine running these is shared and slow; give each page load time.
configure({ asyncUtilTimeout: 5000 });

const rows = () => within(screen.getByRole('list', { name: 'Contacts, newest first' })).getAllByRole('listitem');

describe('contact history page', () => {
  it('shows how many contacts broke the choices and flags them in plain words', async () => {
    renderApp('/contact-history', { persona: 'alex' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Contact history' })).toBeInTheDocument();
    expect(await screen.findByText('2 contacts went against your choices.')).toBeInTheDocument();
    expect(
      await screen.findAllByText('You had asked for email only. This call should not have happened.'),
    ).toHaveLength(2);
    expect(screen.getAllByText('Not sent because of your choices: you had said no to partners.')).toHaveLength(1);
    expect(screen.getAllByText(/From Phones Direct \(reseller\)/).length).toBeGreaterThan(0);
  });

  it('shows sends the check refused after a test campaign, when the customer comes back', async () => {
    const { router, queryClient } = renderApp('/contact-history', { persona: 'alex' });
    await screen.findByText('2 contacts went against your choices.');
    await act(() => router.navigate('/'));
    await screen.findByRole('heading', { level: 1, name: 'Hello, Alex Morgan' });
    // Leaving the page drops the list's cached pages on the next tick.
    await waitFor(() =>
      expect(queryClient.getQueryCache().findAll({ queryKey: contactHistoryKeys.lists('acc-morgan') })).toEqual([]),
    );
    checkSend({
      accountId: 'acc-morgan',
      channel: 'sms',
      topic: 'offers',
      sender: 'company',
      senderName: 'Kestrel Telecom',
      summary: 'Test campaign: winter offer',
    });
    await act(() => router.navigate('/contact-history'));
    expect(await screen.findByText('Test campaign: winter offer')).toBeInTheDocument();
    expect(rows()[0]).toHaveTextContent('Not sent because of your choices: you had asked for email only.');
  });

  it('filters through the URL, without a reload, and validates bad values from a bookmark', async () => {
    const { user, router } = renderApp('/contact-history', { persona: 'alex' });
    await screen.findByText('2 contacts went against your choices.');
    await user.selectOptions(screen.getByLabelText('Channel'), 'phone');
    await user.click(screen.getByLabelText('Only contacts that went against my choices'));
    await user.click(screen.getByRole('button', { name: 'Show contacts' }));
    await waitFor(() => expect(router.state.location.search).toBe('?channel=phone&broken=true'));
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(screen.getByText('Showing 1 to 2 of 2 contacts.')).toBeInTheDocument();

    await act(() => router.navigate('/contact-history?channel=fax&from=2026-02-31'));
    expect(await screen.findByRole('link', { name: 'Choose a channel from the list.' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Enter a real start date.' })).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Contacts, newest first' })).not.toBeInTheDocument();
  });

  it('reports a contact in one step and shows its reference on the contact', async () => {
    const { user } = renderApp('/contact-history?broken=true', { persona: 'alex' });
    const [firstBroken] = await screen.findAllByRole('button', { name: 'Report this contact' });
    await user.click(firstBroken!);
    expect(
      screen.getByText(/Sales call about a mobile upgrade/, { selector: '.report-form__prefill' }),
    ).toBeInTheDocument();
    await user.type(screen.getByLabelText('Add a sentence (optional)'), 'They wanted my security answers.');
    await user.click(screen.getByRole('button', { name: 'Send report' }));
    expect(await screen.findByText(/^Report sent\. Your reference is KT-/)).toBeInTheDocument();
    const reference = db.contactHistory.reports[0]!.reference;
    expect(screen.getByText(`Report sent. Your reference is ${reference}.`)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText(`Reported. Reference ${reference}. Status: received.`)).toHaveFocus());
    expect(db.contactHistory.reports[0]!.note).toBe('They wanted my security answers.');
  });

  it('keeps the rendered rows bounded while paging through 10,000 contacts', async () => {
    const { user } = renderApp('/contact-history', { persona: 'priya' });
    // The first page checks 10,000 generated contacts against the consent record: seconds on a busy machine.
    expect(await screen.findByText(/Showing 1 to 50 of 10,000 contacts/, {}, { timeout: 30_000 })).toBeInTheDocument();
    for (let i = 0; i < 5; i++) {
      await user.click(screen.getByRole('button', { name: 'Show older contacts' }));
      await waitFor(() => expect(screen.getByRole('button', { name: 'Show older contacts' })).toBeEnabled());
    }
    expect(await screen.findByText('Showing 151 to 300 of 10,000 contacts.')).toBeInTheDocument();
    expect(rows()).toHaveLength(150);
    await user.click(screen.getByRole('button', { name: 'Show newer contacts' }));
    expect(await screen.findByText('Showing 101 to 250 of 10,000 contacts.')).toBeInTheDocument();
  }, 90_000);

  it('asks for the next page when the reader is back at the end before the observer next looks', async () => {
    // A browser's observer looks once per frame and reports a change, or a target observed afresh.
    // Here a page lands and pushes the end of the list out of reach, and the reader scrolls back to
    // the end within the same frame: the observer never sees the end leave.
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
      const top = this.classList.contains('history-list__sentinel') ? 10_000 : 0;
      return DOMRect.fromRect({ x: 0, y: top, width: 100, height: 10 });
    });
    renderApp('/contact-history', { persona: 'priya' });
    expect(await screen.findByText(/Showing 1 to 50 of 10,000 contacts/, {}, { timeout: 30_000 })).toBeInTheDocument();
    act(() => FakeObserver.frame({ inReach: true }));
    expect(await screen.findByText('Showing 1 to 100 of 10,000 contacts.')).toBeInTheDocument();
    act(() => FakeObserver.frame({ inReach: true }));
    expect(await screen.findByText('Showing 1 to 150 of 10,000 contacts.')).toBeInTheDocument();
  }, 60_000);

  it('starts a practice call, confirms its code, and says "not one of ours" for a wrong one', async () => {
    const { user } = renderApp('/contact-history', { persona: 'alex' });
    const panel = await screen.findByRole('complementary', { name: 'Check a call' });
    expect(await within(panel).findByText('the full answer to a security question')).toBeInTheDocument();
    expect(await within(panel).findByText('We are not calling you right now.')).toBeInTheDocument();
    await user.click(within(panel).getByRole('button', { name: 'Start a practice call' }));
    expect(await within(panel).findByText('Dana, customer care team')).toBeInTheDocument();
    expect(within(panel).getByText('Call in progress now')).toBeInTheDocument();
    const code = db.contactHistory.calls[0]!.code;
    await user.type(within(panel).getByLabelText('Code from the caller'), code);
    await user.click(within(panel).getByRole('button', { name: 'Check code' }));
    expect(
      await within(panel).findByText('Genuine. Dana from our customer care team is calling you now.'),
    ).toBeInTheDocument();

    await user.clear(within(panel).getByLabelText('Code from the caller'));
    await user.type(within(panel).getByLabelText('Code from the caller'), code === '123456' ? '654321' : '123456');
    await user.click(within(panel).getByRole('button', { name: 'Check code' }));
    expect(await within(panel).findByText(/Not one of ours/)).toBeInTheDocument();
    expect(within(panel).getByText(/Hang up and do not give the caller any details/)).toBeInTheDocument();
  });

  it('asks for 6 digits before checking, and says "try again in a minute" when rate-limited', async () => {
    const { user } = renderApp('/contact-history', { persona: 'alex' });
    const panel = await screen.findByRole('complementary', { name: 'Check a call' });
    await user.type(await within(panel).findByLabelText('Code from the caller'), '12');
    await user.click(within(panel).getByRole('button', { name: 'Check code' }));
    expect(await within(panel).findByText('Enter the 6 digits the caller gave you.')).toBeInTheDocument();
    const input = within(panel).getByLabelText('Code from the caller');
    for (let i = 0; i < 6; i++) {
      await user.clear(input);
      await user.type(input, '000000');
      await user.click(within(panel).getByRole('button', { name: 'Check code' }));
      await waitFor(() => expect(within(panel).getByRole('button', { name: 'Check code' })).toBeEnabled());
    }
    expect(await within(panel).findByText('Too many wrong codes. Try again in a minute.')).toBeInTheDocument();
  });

  it('tells a delegate without phone permission how to get it, and still shows the history', async () => {
    grantJamie(['view']);
    renderApp('/contact-history', { persona: 'jamie', accountId: 'acc-morgan' });
    const panel = await screen.findByRole('complementary', { name: 'Check a call' });
    expect(await within(panel).findByText(/To check calls, you need permission to speak to us/)).toBeInTheDocument();
    expect(within(panel).queryByRole('button', { name: 'Start a practice call' })).not.toBeInTheDocument();
    expect(await screen.findByText('2 contacts went against your choices.')).toBeInTheDocument();
  });

  it('offers a retry when the history cannot load', async () => {
    expectServerErrors();
    server.use(
      http.get('*/api/accounts/:accountId/contacts', () =>
        HttpResponse.json(
          { type: 'about:blank', title: 'Broken', status: 500 },
          { status: 500, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    renderApp('/contact-history', { persona: 'alex' });
    const alert = (await screen.findByText('We could not load your contact history.')).closest(
      '[role="alert"]',
    ) as HTMLElement;
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('says plainly when older contacts cannot load', async () => {
    expectServerErrors();
    // Only the pages after the first fail.
    server.use(
      http.get('*/api/accounts/:accountId/contacts', ({ request }) =>
        new URL(request.url).searchParams.has('cursor')
          ? HttpResponse.json(
              { type: 'about:blank', title: 'Broken', status: 500 },
              { status: 500, headers: { 'Content-Type': 'application/problem+json' } },
            )
          : undefined,
      ),
    );
    const { user } = renderApp('/contact-history', { persona: 'priya' });
    await user.click(await screen.findByRole('button', { name: 'Show older contacts' }));
    expect(await screen.findByText('We could not load your contact history.')).toBeInTheDocument();
    expect(rows()).toHaveLength(50);
  });
});

/** An IntersectionObserver that looks only when told to (one frame), as a browser's does each frame. */
class FakeObserver {
  static live = new Set<FakeObserver>();
  private seen = new Map<Element, boolean | undefined>();
  constructor(private readonly callback: IntersectionObserverCallback) {
    FakeObserver.live.add(this);
  }
  observe(target: Element) {
    this.seen.set(target, undefined);
  }
  unobserve(target: Element) {
    this.seen.delete(target);
  }
  disconnect() {
    this.seen.clear();
    FakeObserver.live.delete(this);
  }
  takeRecords() {
    return [];
  }
  static frame({ inReach }: { inReach: boolean }) {
    for (const observer of FakeObserver.live) {
      const changed = [...observer.seen].filter(([, was]) => was !== inReach).map(([target]) => target);
      for (const target of changed) observer.seen.set(target, inReach);
      const entries = changed.map((target) => ({ target, isIntersecting: inReach }) as IntersectionObserverEntry);
      if (entries.length) observer.callback(entries, observer as unknown as IntersectionObserver);
    }
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  FakeObserver.live.clear();
});
