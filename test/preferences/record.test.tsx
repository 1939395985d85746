import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyChanges } from '@/backend/domain/preferences';
import { acknowledge, cursorOf } from '@/backend/domain/changes';
import { db } from '@/backend/store';
import { renderApp } from '../render-app';

const jamie = { type: 'delegate' as const, personId: 'jamie', name: 'Jamie Morgan' };

afterEach(() => vi.unstubAllGlobals());

describe('consent record page', () => {
  it('shows each change in words with who and how, newest first, a page at a time', async () => {
    for (let i = 0; i < 11; i++) {
      applyChanges({
        accountId: 'acc-morgan',
        actor: jamie,
        method: 'web',
        changes: [{ path: 'marketing.offers.post', to: i % 2 === 0 }],
      });
    }
    const { user } = renderApp('/preferences/record', { persona: 'alex' });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Your consent record' }, { timeout: 8000 }),
    ).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: 'Changes, newest first' }, { timeout: 8000 });
    const events = Array.from(list.children);
    expect(events).toHaveLength(10);
    expect(events[0]).toHaveTextContent('Jamie Morgan, acting for the account holder');
    expect(events[0]).toHaveTextContent('Offers and upgrades by post: turned on');
    expect(screen.getByText('Page 1 of 2')).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: 'Next page' }));
    expect(await screen.findByText('Page 2 of 2')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('list', { name: 'Changes, newest first' })).toHaveFocus());
    await waitFor(() => expect(screen.getByText('Quick choice: Email only')).toBeInTheDocument());
    const oldest = screen.getByText('Quick choice: Email only').closest('li')!;
    expect(within(oldest).getByText('Marketing from our agents and resellers: turned off')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Previous page' })).toBeInTheDocument();
  });

  it('downloads the record as CSV and JSON', async () => {
    const created: Blob[] = [];
    vi.stubGlobal(
      'URL',
      Object.assign(URL, {
        createObjectURL: (blob: Blob) => (created.push(blob), 'blob:test'),
        revokeObjectURL: () => {},
      }),
    );
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { user } = renderApp('/preferences/record', { persona: 'alex' });
    await user.click(await screen.findByRole('button', { name: 'Download as CSV' }, { timeout: 8000 }));
    expect(await screen.findByText('Your file consent-record-acc-morgan.csv is downloading.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Download as JSON' }));
    expect(await screen.findByText('Your file consent-record-acc-morgan.json is downloading.')).toBeInTheDocument();
    expect(click).toHaveBeenCalledTimes(2);
    expect(await created[0]!.text()).toContain('marketing.offers.sms');
    expect(JSON.parse(await created[1]!.text())).toHaveLength(1);
  });

  it('names each system asked to take an opt-out, and which have confirmed', async () => {
    // A registered sending system, live before the change, that acknowledges it.
    db.senders.senders.push({
      id: 'snd-crm',
      name: 'Campaign tool',
      keyHash: 'a'.repeat(64),
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    const cursor = await cursorOf('snd-crm');
    applyChanges({
      accountId: 'acc-morgan',
      actor: { type: 'customer', personId: 'alex', name: 'Alex Morgan' },
      method: 'web',
      changes: [{ path: 'marketing.offers.email', to: false }],
    });
    acknowledge(cursor, db.changes.events.at(-1)!.position!, 'feed');
    renderApp('/preferences/record', { persona: 'alex' });
    const list = await screen.findByRole('list', { name: 'Changes, newest first' }, { timeout: 8000 });
    const newest = list.children[0] as HTMLElement;
    expect(newest).toHaveTextContent('Offers and upgrades by email: turned off');
    expect(within(newest).getByText('Systems that send for us')).toBeInTheDocument();
    expect(within(newest).getByText(/^Campaign tool: confirmed/)).toBeInTheDocument();
    expect(within(newest).getByText('Email platform: waiting to confirm')).toBeInTheDocument();
  });
});
