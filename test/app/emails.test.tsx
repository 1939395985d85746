import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db } from '@/backend/store';
import { call, tokenFor } from '../delegates/support';
import { renderApp } from '../render-app';

const inOutbox = (kind: string, to: string) => db.core.outbox.filter((e) => e.kind === kind && e.to === to);
const invite = (token: string, language: string, contact: string, name: string) =>
  fetch(new URL('/api/accounts/acc-morgan/delegates', location.origin), {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Accept-Language': language },
    body: JSON.stringify({ name, contact, relationship: 'partner', scopes: ['view'], until: null }),
  });

/** Alex uses the app in German: the app's requests carry the language, and the service remembers it. */
async function alexChoosesGerman() {
  renderApp('/preferences', { persona: 'alex', language: 'de' });
  expect(await screen.findByText('Sie erhalten Werbung nur per E-Mail.', {}, { timeout: 8000 })).toBeInTheDocument();
}

describe('emails in the language the person last chose', () => {
  it('an email sent after the person chose German is German', async () => {
    await alexChoosesGerman();
    // Asked for from a page that sends no language at all: the person's own choice wins.
    expect(
      (await call('/preference-links', { method: 'POST', body: { email: 'alex.morgan@example.com' } })).status,
    ).toBe(202);
    const [email] = inOutbox('preferences-link', 'alex.morgan@example.com');
    expect(email?.language).toBe('de');
    expect(email?.subject).toBe('Ihr Link zu Ihren Kontakteinstellungen');
    expect(email?.text).toContain('Guten Tag Alex Morgan,');
    expect(email?.text).not.toMatch(/\b(the|you|your|link works)\b/i);
    expect(email?.links[0]?.label).toBe('Kontakteinstellungen öffnen');
  });

  it('writes the sample marketing emails in German for a person who chose German', async () => {
    await alexChoosesGerman();
    await call('/demo/outbox');
    const emails = inOutbox('marketing', 'alex.morgan@example.com');
    expect(emails.length).toBeGreaterThan(0);
    for (const email of emails) {
      expect(email.language).toBe('de');
      expect(email.text).toContain('Guten Tag Alex Morgan,');
      expect(email.links[0]?.label).toMatch(/^Keine E-Mails mehr zu /);
    }
    // Priya never chose a language, and the outbox was opened with none: English.
    expect(inOutbox('marketing', 'priya@shah-plumbing.example.com').every((e) => e.language === 'en')).toBe(true);
  });

  it("writes an invitation in the invitee's language, else in the language of the request", async () => {
    const alex = tokenFor('alex');
    // Nobody we know: the holder's request is in German, so the invitation is too.
    expect((await invite(alex, 'de-DE,de;q=0.9,en;q=0.5', 'oma@example.com', 'Oma Morgan')).status).toBe(201);
    const [toGran] = inOutbox('invitation', 'oma@example.com');
    expect(toGran?.language).toBe('de');
    expect(toGran?.subject).toBe('Alex Morgan bittet Sie um Hilfe bei Kestrel Telecom');
    expect(toGran?.links[0]?.label).toBe('Einladung ansehen');

    // Jamie last used the app in English: Jamie's choice wins over the holder's German.
    await fetch(new URL('/api/me', location.origin), {
      headers: { Authorization: `Bearer ${tokenFor('jamie')}`, 'Accept-Language': 'en-GB' },
    });
    expect((await invite(alex, 'de', 'jamie.morgan@example.com', 'Jamie Morgan')).status).toBe(201);
    const [toJamie] = inOutbox('invitation', 'jamie.morgan@example.com');
    expect(toJamie?.language).toBe('en');
    expect(toJamie?.subject).toBe('Alex Morgan asked you to help with their Kestrel Telecom account');
  });
});
