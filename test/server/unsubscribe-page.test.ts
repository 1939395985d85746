// @vitest-environment node
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { advanceClock } from '@/backend/clock';
import type { RunningServer } from '../../server/start';
import { backends, call, resetServer, startTestServer, stopTestServer } from './support';

type Email = { kind: string; to: string; subject: string; links: { href: string }[] };

// The unsubscribe link without JavaScript (server/unsubscribe-page), over plain HTTP like a browser
// with scripts off: GET the link, follow the 303, POST the page's forms, follow the 303 again.
describe.each(backends)('the unsubscribe page without JavaScript (%s)', (backend) => {
  let server: RunningServer;
  const sql = (text: string, params?: unknown[]) => server.database.query(text, params);

  beforeAll(async () => {
    server = await startTestServer(backend, 'nojs');
  });
  afterAll(() => stopTestServer(server));
  beforeEach(() => resetServer(server));

  const offersLink = async () => {
    const outbox = (await call(server.url, '/api/demo/outbox')).body as Email[];
    const email = outbox.find((m) => m.kind === 'marketing' && m.subject === 'Get twice the data for the same price')!;
    return email.links[0]!.href;
  };
  const get = (url: string, headers: Record<string, string> = {}) =>
    fetch(new URL(url, server.url), { redirect: 'manual', headers: { 'Accept-Language': 'en-GB', ...headers } });
  const post = (url: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(new URL(url, server.url), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept-Language': 'en-GB', ...headers },
      body: new URLSearchParams(form),
    });
  /** Opens the link: the 303 to the clean page address. */
  const open = async (headers: Record<string, string> = {}) => {
    const reply = await get(await offersLink(), headers);
    expect(reply.status).toBe(303);
    return reply.headers.get('Location')!;
  };
  /** Presses a button: POST, 303 back to the page, then the page. */
  const press = async (page: string, form: Record<string, string>, headers: Record<string, string> = {}) => {
    const reply = await post(page, form, headers);
    expect(reply.status).toBe(303);
    expect(reply.headers.get('Location')).toBe(page);
    return read(page, headers);
  };
  const read = async (page: string, headers: Record<string, string> = {}) => {
    const reply = await get(page, headers);
    return { status: reply.status, headers: reply.headers, text: await reply.text() };
  };
  const heading = (text: string) => /<h1[^>]*>([^<]*)<\/h1>/.exec(text)?.[1];
  const title = (text: string) => /<title>([^<]*)<\/title>/.exec(text)?.[1];
  type Counts = { events: number; versions: number; opt_outs: number; reasons: number };
  const counts = async () =>
    (
      await sql(`SELECT (SELECT count(*) FROM consent_events)::int AS events,
        (SELECT sum(version) FROM current_preferences)::int AS versions,
        (SELECT count(*) FROM opt_outs)::int AS opt_outs,
        (SELECT count(*) FROM unsubscribe_reasons)::int AS reasons`)
    ).rows[0] as Counts;
  const offersEmailOn = async () =>
    (
      await sql(
        "SELECT (marketing -> 'offers' ->> 'email')::boolean AS on FROM current_preferences WHERE account_id = 'acc-morgan'",
      )
    ).rows[0]!.on;

  it('opening the link changes nothing and moves to a clean address; the page is whole HTML with no script', async () => {
    const before = await counts();
    const link = await offersLink();
    const token = new URL(link).searchParams.get('t')!;
    const page = await open();
    expect(page).toMatch(/^\/u\/[A-Za-z0-9_-]{43}$/);
    expect(page).not.toContain(token);

    const shown = await read(page);
    expect(shown.status).toBe(200);
    expect(shown.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(shown.headers.get('Cache-Control')).toBe('no-store');
    const policy = shown.headers.get('Content-Security-Policy')!;
    expect(policy).toContain("default-src 'none'");
    expect(policy).not.toMatch(/script-src/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(shown.text).not.toMatch(/<script/i);
    expect(shown.text).not.toContain(token);
    // The one inline style is allowed by its hash, and nothing else is.
    const style = /<style>([^<]*)<\/style>/.exec(shown.text)![1]!;
    expect(policy).toContain(`style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    expect(style).toContain('prefers-color-scheme:dark');
    expect(heading(shown.text)).toBe('Stop emails like this');
    expect(title(shown.text)).toBe('Stop emails like this');
    expect(shown.text).toContain('Offers and upgrades by email to a•••@example.com');
    expect(shown.text).toMatch(
      /<form method="post" action="\/u\/[^"]+"><button type="submit"[^>]*value="stop">Stop these emails/,
    );
    // Reading the page again (a reload, a scanner) changes nothing either.
    await read(page);
    expect(await counts()).toEqual(before);
    expect(await offersEmailOn()).toBe(true);

    // The token is kept server-side, found by the hash of the page id; the id itself is not stored.
    const { rows } = await sql('SELECT id_hash, token FROM unsubscribe_pages');
    expect(rows).toEqual([{ id_hash: expect.stringMatching(/^[0-9a-f]{64}$/), token }]);
    expect(JSON.stringify(rows)).not.toContain(page.slice(3));
  });

  it('HEAD of the link and of the page changes nothing and keeps no page', async () => {
    const before = await counts();
    const link = await offersLink();
    const head = await fetch(link, { method: 'HEAD', redirect: 'manual' });
    expect(head.status).toBe(200);
    expect((await sql('SELECT count(*)::int AS n FROM unsubscribe_pages')).rows[0]!.n).toBe(0);
    const page = await open();
    const headPage = await fetch(new URL(page, server.url), { method: 'HEAD' });
    expect(headPage.status).toBe(200);
    expect(await counts()).toEqual(before);
  });

  it('one press stops the emails; the record says the link; a reload or a second press changes nothing more', async () => {
    const page = await open();
    const before = await counts();
    const done = await press(page, { action: 'stop' });
    expect(heading(done.text)).toBe('These emails have stopped');
    expect(title(done.text)).toBe('These emails have stopped');
    expect(done.text).toContain(
      '<div role="status" class="status status--success">Done. You have stopped: Offers and upgrades by email.</div>',
    );
    expect(done.text).toContain('value="undo"');
    expect(done.text).toContain('You can undo this here for 15 minutes.');
    expect(done.text).toContain('value="stop-all"');
    expect(done.text).toContain('<a href="/sign-in?next=%2Fpreferences">Sign in to see all your choices</a>');
    expect(await offersEmailOn()).toBe(false);
    const events = await sql(
      "SELECT method, actor ->> 'type' AS actor FROM consent_events WHERE account_id = 'acc-morgan' ORDER BY seq",
    );
    expect(events.rows.at(-1)).toEqual({ method: 'unsubscribe-link', actor: 'unsubscribe-link' });
    const after = await counts();
    expect(after.events).toBe(before.events + 1);

    await read(page);
    await press(page, { action: 'stop' });
    expect(await counts()).toEqual(after);
  });

  it('after the press, each system that sends for us confirms; "Check again" shows them as they do', async () => {
    const page = await open();
    const done = await press(page, { action: 'stop' });
    expect(done.text).toContain('<h2 id="confirmations-title">Systems that send for us</h2>');
    expect(done.text).toMatch(/\d of 5 systems have confirmed so far\./);
    expect(done.text).toContain('Print house: waiting to confirm');
    expect(done.text).toContain('>Check again</a>');
    // The print house is the slowest (10 minutes); after it, every system has stopped.
    advanceClock(11 * 60_000);
    const later = await read(page);
    expect(later.text).toContain('Every system has stopped.');
    expect(later.text).toMatch(/Print house: confirmed /);
    expect(later.text).not.toContain('>Check again</a>');
  });

  it('opened after the mail app’s one-click of the same email: says it is already done and shows each system', async () => {
    const link = await offersLink();
    const token = new URL(link, server.url).searchParams.get('t')!;
    const click = await post(`/api/unsubscribe/${token}/one-click`, { 'List-Unsubscribe': 'One-Click' });
    expect(click.status).toBeLessThan(300);
    const before = await counts();
    const page = await open();
    const shown = await read(page);
    expect(shown.text).toContain('Done. These were already off, so nothing needed to change.');
    expect(shown.text).not.toContain('value="stop"');
    expect(shown.text).toContain('<h2 id="confirmations-title">Systems that send for us</h2>');
    expect(await counts()).toEqual(before);
  });

  it('undo puts the choice back, from the page that made it', async () => {
    const page = await open();
    await press(page, { action: 'stop' });
    const undone = await press(page, { action: 'undo' });
    expect(heading(undone.text)).toBe('Stop emails like this');
    expect(undone.text).toContain('Undone. Your choices are back as they were.');
    expect(await offersEmailOn()).toBe(true);
    const events = await sql("SELECT method FROM consent_events WHERE account_id = 'acc-morgan' ORDER BY seq");
    expect(events.rows.at(-1)).toEqual({ method: 'undo' });
  });

  it('stop all marketing turns off every topic on every channel; undoing it keeps the first stop', async () => {
    const page = await open();
    await press(page, { action: 'stop' });
    const all = await press(page, { action: 'stop-all' });
    expect(heading(all.text)).toBe('All marketing has stopped');
    expect(all.text).toContain('Done. We will not send you any marketing by email, text, phone, post or app.');
    expect(all.text).not.toContain('value="stop-all"');
    const { rows } = await sql("SELECT marketing FROM current_preferences WHERE account_id = 'acc-morgan'");
    const marketing = rows[0]!.marketing as Record<string, Record<string, boolean>>;
    expect(Object.values(marketing).flatMap((channels) => Object.values(channels))).not.toContain(true);

    const back = await press(page, { action: 'undo' });
    expect(heading(back.text)).toBe('These emails have stopped');
    expect(back.text).toContain('Still stopped: Offers and upgrades by email.');
    expect(await offersEmailOn()).toBe(false);
  });

  it('the optional reason: no answer asks again and records nothing; an answer is thanked and kept', async () => {
    const page = await open();
    await press(page, { action: 'stop' });
    const nudged = await press(page, { action: 'reason' });
    expect(nudged.text).toContain('Choose an answer first, or leave this question.');
    expect((await counts()).reasons).toBe(0);
    const odd = await press(page, { action: 'reason', why: 'not-a-reason' });
    expect(odd.text).toContain('Choose an answer first');
    expect((await counts()).reasons).toBe(0);
    const thanked = await press(page, { action: 'reason', why: 'too-many' });
    expect(thanked.text).toContain('Thank you for telling us.');
    expect(thanked.text).not.toContain('name="why"');
    const { rows } = await sql('SELECT reason FROM unsubscribe_reasons');
    expect(rows).toEqual([{ reason: 'too-many' }]);
  });

  it('too late to undo: the button is gone, a press from an old page says so and changes nothing; then the page times out', async () => {
    const page = await open();
    await press(page, { action: 'stop' });
    advanceClock(10 * 60_000);
    await press(page, { action: 'stop-all' });
    // Undoing "stop all" offers the first stop's undo again, whose window ends 15 minutes after it.
    await press(page, { action: 'undo' });
    advanceClock(6 * 60_000);
    const shown = await read(page);
    expect(heading(shown.text)).toBe('These emails have stopped');
    expect(shown.text).not.toContain('value="undo"');
    const before = await counts();
    const late = await press(page, { action: 'undo' });
    expect(late.text).toContain(
      '<div role="status" class="status status--info">It is too late to undo this here. Sign in to change your choices.</div>',
    );
    expect(await counts()).toEqual(before);
    expect(await offersEmailOn()).toBe(false);

    // The page lasts 15 minutes from the last opt-out ("stop all", at 10 minutes).
    advanceClock(10 * 60_000);
    const gone = await read(page);
    expect(gone.status).toBe(410);
    expect(heading(gone.text)).toBe('This page has timed out');
    expect(gone.text).toContain('open the link in the email again: it still works');
    expect((await post(page, { action: 'stop-all' })).status).toBe(410);
    expect(await counts()).toEqual(before);
  });

  it('a changed, cut short or missing link, or an unknown page, gets the plain page and changes nothing', async () => {
    const before = await counts();
    const link = await offersLink();
    const token = new URL(link).searchParams.get('t')!;
    const tampered = link.replace(token, token.slice(0, -2) + (token.endsWith('AA') ? 'BA' : 'AA'));
    for (const url of [tampered, link.replace(token, token.slice(0, 30)), '/unsubscribe', '/unsubscribe?t=']) {
      const reply = await read(url);
      expect(reply.status).toBe(400);
      expect(heading(reply.text)).toBe('This link does not work');
      expect(reply.text).not.toMatch(/<script/i);
      expect(reply.text).toContain('<a href="/email-me-a-link">Ask us to email you a new link</a>');
    }
    const unknown = await read(`/u/${'A'.repeat(43)}`);
    expect(unknown.status).toBe(410);
    expect((await post(`/u/${'A'.repeat(43)}`, { action: 'stop' })).status).toBe(410);
    expect((await post('/u/short', { action: 'stop' })).status).toBe(410);
    expect(await counts()).toEqual(before);
    expect((await sql('SELECT count(*)::int AS n FROM unsubscribe_pages')).rows[0]!.n).toBe(0);
  });

  it('refuses a press posted from another site, and an unknown action changes nothing', async () => {
    const page = await open();
    const before = await counts();
    const crossSite = await post(page, { action: 'stop' }, { 'Sec-Fetch-Site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    const odd = await post(page, { action: 'delete-everything' });
    expect(odd.status).toBe(303);
    expect(await counts()).toEqual(before);
    const sameSite = await post(page, { action: 'stop' }, { 'Sec-Fetch-Site': 'same-origin' });
    expect(sameSite.status).toBe(303);
    expect((await counts()).events).toBe(before.events + 1);
  });

  it('speaks German from Accept-Language, and the switch changes the language for links and presses', async () => {
    const german = { 'Accept-Language': 'de-DE,de;q=0.9,en;q=0.5' };
    const page = await open(german);
    const shown = await read(page, german);
    expect(shown.text).toContain('<html lang="de-DE">');
    expect(heading(shown.text)).toBe('E-Mails wie diese abbestellen');
    expect(shown.text).toContain('Angebote und Upgrades per E-Mail an a•••@example.com');
    expect(shown.text).toContain(
      `<a class="button button--link" href="${page}?lang=en" lang="en-GB" hreflang="en-GB">English</a>`,
    );
    expect(shown.text).toContain('aria-current="true">Deutsch</a>');

    // An English browser switches to German: the page, its forms and the redirect after a press keep it.
    const switched = await read(`${page}?lang=de`);
    expect(heading(switched.text)).toBe('E-Mails wie diese abbestellen');
    expect(switched.text).toContain(`action="${page}?lang=de"`);
    const reply = await post(`${page}?lang=de`, { action: 'stop' });
    expect(reply.headers.get('Location')).toBe(`${page}?lang=de`);
    const done = await read(`${page}?lang=de`);
    expect(heading(done.text)).toBe('Diese E-Mails sind abbestellt');
    expect(done.text).toContain('Erledigt. Abbestellt: Angebote und Upgrades per E-Mail.');
    expect(title(done.text)).toBe('Diese E-Mails sind abbestellt');
    const english = await read(page);
    expect(heading(english.text)).toBe('These emails have stopped');
  });

  it('opening the link with the switch already chosen keeps the language on the clean address', async () => {
    const link = await offersLink();
    const reply = await get(`${link}&lang=de`);
    expect(reply.headers.get('Location')).toMatch(/^\/u\/[A-Za-z0-9_-]{43}\?lang=de$/);
  });
});
