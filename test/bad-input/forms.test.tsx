import { configure, screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { db, snapshotDb } from '@/backend/store';
import { renderApp } from '../render-app';
import { huge, imgOnError, script } from './support';

// The real forms, given script, HTML and oversize input: a plain message at the field, no crash
// (a console.error fails the test), nothing stored for a refusal, and stored text shown as text.

configure({ asyncUtilTimeout: 8000 });

/** Puts text into a field in one step (typing 10,000 characters one by one is slow). */
async function fill(user: UserEvent, field: HTMLElement, text: string) {
  await user.clear(field);
  await user.click(field);
  await user.paste(text);
}

/** No payload ran and no markup from input became elements. */
function expectInert(container: HTMLElement) {
  expect(container.querySelector('main img, main script, main iframe')).toBeNull();
  expect((window as { pwned?: unknown }).pwned).toBeUndefined();
}

/** The field says what to do: its error is in its accessible description and it is marked invalid. */
async function expectFieldError(field: HTMLElement, message: string | RegExp) {
  await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
  expect(field).toHaveAccessibleDescription(typeof message === 'string' ? expect.stringContaining(message) : message);
}

describe('bad input in the forms', () => {
  it('invite a delegate: refuses oversize and markup contacts at the field, then shows a markup name as text', async () => {
    const { user, container } = renderApp('/people/invite', { persona: 'alex' });
    const name = await screen.findByRole('textbox', { name: 'Their name' });
    const contact = screen.getByRole('textbox', { name: /email address or UK mobile/ });
    await fill(user, name, huge);
    await fill(user, contact, `${imgOnError}@example.com`);
    await user.click(screen.getByRole('radio', { name: 'Partner' }));
    await user.click(screen.getByRole('checkbox', { name: 'See the account' }));
    const before = snapshotDb();
    await user.click(screen.getByRole('button', { name: 'Send invitation' }));
    const summary = await screen.findByRole('alert', { name: 'There is a problem' });
    await expectFieldError(name, 'Enter a name of 80 characters or fewer.');
    await expectFieldError(contact, /Enter an email address like name@example.com/);
    expect(within(summary).getByRole('link', { name: 'Enter a name of 80 characters or fewer.' })).toBeInTheDocument();
    expect(snapshotDb()).toEqual(before);

    await fill(user, name, `Jamie ${'\u202e'}nagroM`);
    await fill(user, contact, 'jamie.morgan@example.com');
    await user.click(screen.getByRole('button', { name: 'Send invitation' }));
    await expectFieldError(name, 'Enter a name using letters, spaces and ordinary punctuation.');
    expect(db.delegates.grants).toHaveLength(0);

    const markup = `${script}${imgOnError}`.slice(0, 80);
    await fill(user, name, markup);
    await user.click(screen.getByRole('button', { name: 'Send invitation' }));
    await waitFor(() => expect(db.delegates.grants).toHaveLength(1));
    expect(db.delegates.grants[0]!.name).toBe(markup);
    expect(await screen.findByRole('listitem', { name: markup })).toBeInTheDocument();
    expectInert(container);
  });

  it('report a site: refuses a markup address and oversize details at the field, then shows markup details as text', async () => {
    const { user, container } = renderApp('/content-filter', { persona: 'alex' });
    await screen.findByRole('heading', { name: 'Report a site' });
    const address = screen.getByRole('textbox', { name: 'Web address to report' });
    const details = screen.getByRole('textbox', { name: 'Anything we should know (optional)' });
    await fill(user, address, imgOnError);
    await fill(user, details, huge);
    await user.click(screen.getByRole('radio', { name: 'It is blocked, but it should not be' }));
    const before = snapshotDb();
    await user.click(screen.getByRole('button', { name: 'Send report' }));
    await expectFieldError(address, /web address/i);
    await expectFieldError(details, 'Keep the details to 1,000 characters or fewer.');
    expect(snapshotDb()).toEqual(before);

    await fill(user, address, 'vineyard-diary.example');
    await fill(user, details, script);
    await user.click(screen.getByRole('button', { name: 'Send report' }));
    await waitFor(() => expect(db.contentFilter.reports).toHaveLength(1));
    expect(db.contentFilter.reports[0]!.details).toBe(script);
    expect(
      await screen.findByRole('heading', { name: `Reference ${db.contentFilter.reports[0]!.reference}` }),
    ).toBeInTheDocument();
    expectInert(container);
  });

  it('shop code and card check: markup and oversize input get a plain message at the field, and nothing is verified', async () => {
    const { user, container } = renderApp('/content-filter', { persona: 'alex' });
    await user.click(await screen.findByRole('radio', { name: 'Code from a shop' }));
    const code = screen.getByRole('textbox', { name: 'Code from the shop' });
    // Each refused try is answered (and counted for the rate limit) before the next.
    const tries = () => db.throttles['age-checks']?.alex?.length ?? 0;
    for (const bad of [imgOnError, huge]) {
      const before = tries();
      await fill(user, code, bad);
      await user.click(screen.getByRole('button', { name: 'Verify with my code' }));
      await waitFor(() => expect(tries()).toBe(before + 1));
      await expectFieldError(code, /We do not recognise that code/);
    }
    await user.click(screen.getByRole('radio', { name: 'Credit card check' }));
    const card = screen.getByRole('textbox', { name: 'Credit card number' });
    for (const bad of [script, huge]) {
      const before = tries();
      await fill(user, card, bad);
      await user.click(screen.getByRole('button', { name: 'Check my card' }));
      await waitFor(() => expect(tries()).toBe(before + 1));
      await expectFieldError(card, /That card number is not valid/);
    }
    expect(db.contentFilter.verifications).toEqual({});
    expectInert(container);
  });

  it('report a contact: refuses an oversize note at the field, then keeps a markup note as text', async () => {
    const { user, container } = renderApp('/contact-history?broken=true', { persona: 'alex' });
    const [first] = await screen.findAllByRole('button', { name: 'Report this contact' });
    await user.click(first!);
    const note = screen.getByLabelText('Add a sentence (optional)');
    await fill(user, note, huge);
    const before = snapshotDb();
    await user.click(screen.getByRole('button', { name: 'Send report' }));
    await expectFieldError(note, 'Keep it to 500 characters or fewer.');
    expect(snapshotDb()).toEqual(before);

    await fill(user, note, imgOnError);
    await user.click(screen.getByRole('button', { name: 'Send report' }));
    expect(await screen.findByText(/^Report sent\. Your reference is KT-/)).toBeInTheDocument();
    expect(db.contactHistory.reports[0]!.note).toBe(imgOnError);
    expectInert(container);
  });

  it('email me a link: markup and oversize addresses get a plain message at the field and send nothing', async () => {
    const { user, container } = renderApp('/email-me-a-link');
    const email = await screen.findByLabelText('Email address');
    for (const bad of [script, `${imgOnError}@example.com`, `${huge}@example.com`]) {
      const before = snapshotDb();
      await fill(user, email, bad);
      await user.click(screen.getByRole('button', { name: 'Send me a link' }));
      await expectFieldError(email, /Enter an email address/);
      expect(snapshotDb()).toEqual(before);
    }
    expect(db.core.outbox).toHaveLength(0);
    expectInert(container);
  });
});
