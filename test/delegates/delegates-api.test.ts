import { describe, expect, it } from 'vitest';
import { advanceClock } from '@/backend/clock';
import { call, dayFromToday, grantDirectly, tokenFor } from './api-support';
import { apiBackends, change, snapshot, stored, useBackend } from '../api-backends';

const acc = '/accounts/acc-morgan';
const invite = (overrides: Record<string, unknown> = {}) => ({
  name: 'Jamie Morgan',
  contact: 'jamie.morgan@example.com',
  relationship: 'partner',
  scopes: ['preferences'],
  until: dayFromToday(30),
  ...overrides,
});

async function inviteJamie(overrides: Record<string, unknown> = {}) {
  const alex = await tokenFor('alex');
  const res = await call(`${acc}/delegates`, { method: 'POST', token: alex, body: invite(overrides) });
  expect(res.status).toBe(201);
  const email = (await stored()).core.outbox.at(-1)!;
  const link = new URL(email.links[0]!.href);
  return { alex, delegate: res.body, email, token: link.searchParams.get('t')! };
}

describe.each(apiBackends)('delegates API (%s)', (backend) => {
  useBackend(backend);

  describe('inviting and accepting', () => {
    it('emails a single-use link; the invited person accepts and can act as granted', async () => {
      const { alex, email, token, delegate } = await inviteJamie();
      expect(delegate).toMatchObject({ status: 'invited', scopes: ['preferences'] });
      expect(email).toMatchObject({ to: 'jamie.morgan@example.com', kind: 'invitation' });
      expect(email.links[0]!.href).toContain('/invitation?t=');

      const jamie = await tokenFor('jamie');
      expect((await call(`${acc}/preferences`, { token: jamie })).status).toBe(403);
      expect((await call(`/invitations/${token}`, { token: jamie })).body).toMatchObject({
        state: 'open',
        holderName: 'Alex Morgan',
        forYou: true,
      });
      const accepted = await call(`/invitations/${token}/accept`, { method: 'POST', token: jamie });
      expect(accepted.body.state).toBe('accepted');

      const me = await call('/me', { token: jamie });
      expect(me.body.accounts).toEqual([
        expect.objectContaining({ accountId: 'acc-morgan', role: 'delegate', scopes: ['preferences'] }),
      ]);
      const list = await call(`${acc}/delegates`, { token: alex });
      expect(list.body[0]).toMatchObject({ status: 'active', acceptedAt: expect.any(String) });

      // Used link: a second press changes nothing.
      const again = await call(`/invitations/${token}/accept`, { method: 'POST', token: jamie });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('invitation-accepted');
      expect((await call(`/invitations/${token}`, { token: jamie })).body.state).toBe('accepted');
    });

    it('matches the invitation to the person who signs in: someone else is refused', async () => {
      const { token } = await inviteJamie();
      const priya = await tokenFor('priya');
      expect((await call(`/invitations/${token}`, { token: priya })).body.forYou).toBe(false);
      const res = await call(`/invitations/${token}/accept`, { method: 'POST', token: priya });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('invitation-not-for-you');
    });

    it('accepts an invitation sent to a mobile number written another way', async () => {
      const { token } = await inviteJamie({ contact: '+44 7700 900321' });
      const res = await call(`/invitations/${token}/accept`, { method: 'POST', token: await tokenFor('jamie') });
      expect(res.status).toBe(200);
    });

    it('needs sign-in to see or use an invitation', async () => {
      const { token } = await inviteJamie();
      expect((await call(`/invitations/${token}`)).status).toBe(401);
      expect((await call(`/invitations/${token}/accept`, { method: 'POST' })).status).toBe(401);
    });
  });

  describe('invitation link states', () => {
    it('a tampered link is a 404 with a plain reason', async () => {
      const { token } = await inviteJamie();
      const res = await call(`/invitations/${token.slice(0, -1)}x`, { token: await tokenFor('jamie') });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('invitation-invalid');
    });

    it('expires after 14 days on the mock clock', async () => {
      const { token } = await inviteJamie();
      // Sessions end after 12 hours: each person signs in again on the day they look.
      advanceClock(14 * 24 * 3600 * 1000 - 60_000);
      const jamie = await tokenFor('jamie');
      expect((await call(`/invitations/${token}`, { token: jamie })).body.state).toBe('open');
      advanceClock(2 * 60_000);
      expect((await call(`/invitations/${token}`, { token: jamie })).body.state).toBe('expired');
      const res = await call(`/invitations/${token}/accept`, { method: 'POST', token: jamie });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('invitation-expired');
      const list = await call(`${acc}/delegates`, { token: await tokenFor('alex') });
      expect(list.body[0]).toMatchObject({ status: 'ended', endReason: 'invitation-expired' });
    });

    it('a declined link stops working and shows as declined to the holder', async () => {
      const { alex, token } = await inviteJamie();
      const jamie = await tokenFor('jamie');
      expect((await call(`/invitations/${token}/decline`, { method: 'POST', token: jamie })).body.state).toBe(
        'declined',
      );
      expect((await call(`/invitations/${token}/accept`, { method: 'POST', token: jamie })).status).toBe(409);
      expect((await call(`/invitations/${token}`, { token: jamie })).body.state).toBe('declined');
      expect((await call(`${acc}/delegates`, { token: alex })).body[0].status).toBe('declined');
      expect((await call(`${acc}/preferences`, { token: jamie })).status).toBe(403);
    });

    it('a withdrawn invitation cannot be accepted', async () => {
      const { alex, delegate, token } = await inviteJamie();
      await call(`${acc}/delegates/${delegate.id}`, { method: 'DELETE', token: alex });
      const jamie = await tokenFor('jamie');
      expect((await call(`/invitations/${token}`, { token: jamie })).body.state).toBe('withdrawn');
      expect((await call(`/invitations/${token}/accept`, { method: 'POST', token: jamie })).status).toBe(409);
    });
  });

  describe('withdrawal, expiry and stepping down', () => {
    it('withdrawal takes effect on the very next request, and is in the activity log', async () => {
      const { alex, delegate, token } = await inviteJamie({ scopes: ['view'] });
      const jamie = await tokenFor('jamie');
      await call(`/invitations/${token}/accept`, { method: 'POST', token: jamie });
      expect((await call(`${acc}/delegation/step-down`, { method: 'POST', token: alex })).status).toBe(409);

      const withdrawn = await call(`${acc}/delegates/${delegate.id}`, { method: 'DELETE', token: alex });
      expect(withdrawn.body).toMatchObject({ status: 'ended', endReason: 'withdrawn' });
      const me = await call('/me', { token: jamie });
      expect(me.body.accounts).toEqual([]);
      expect((await call(`/accounts/acc-morgan`, { token: jamie })).status).toBe(403);

      const activity = await call(`${acc}/activity`, { token: alex });
      expect(activity.body.map((e: { action: string }) => e.action)).toEqual([
        'delegate.withdrawn',
        'delegate.accepted',
        'delegate.invited',
      ]);
      expect(activity.body[1].actor).toMatchObject({ type: 'delegate', personId: 'jamie' });
    });

    it('authority with an end date holds through that day and stops after it', async () => {
      await grantDirectly('jamie', ['view'], { until: dayFromToday(1) });
      // Sessions end after 12 hours: Jamie signs in again each day.
      expect((await call(`/accounts/acc-morgan`, { token: await tokenFor('jamie') })).status).toBe(200);
      advanceClock(24 * 3600 * 1000);
      expect((await call(`/accounts/acc-morgan`, { token: await tokenFor('jamie') })).status).toBe(200);
      advanceClock(24 * 3600 * 1000);
      expect((await call(`/accounts/acc-morgan`, { token: await tokenFor('jamie') })).status).toBe(403);
      const list = await call(`${acc}/delegates`, { token: await tokenFor('alex') });
      expect(list.body[0]).toMatchObject({ status: 'ended', endReason: 'date-passed' });
    });

    it('a delegate can step down, and then cannot act', async () => {
      await grantDirectly('jamie', ['view']);
      const jamie = await tokenFor('jamie');
      expect((await call(`${acc}/delegation/step-down`, { method: 'POST', token: jamie })).status).toBe(204);
      expect((await call(`/accounts/acc-morgan`, { token: jamie })).status).toBe(403);
    });

    it('the holder changes what a delegate may do; the delegate can never widen it', async () => {
      const grant = await grantDirectly('jamie', ['view', 'preferences', 'content-filter', 'phone']);
      const jamie = await tokenFor('jamie');
      const before = await snapshot();
      const widen = await call(`${acc}/delegates/${grant.id}`, {
        method: 'PATCH',
        token: jamie,
        body: { scopes: ['phone'], until: null },
      });
      expect(widen.status).toBe(403);
      const inviteOthers = await call(`${acc}/delegates`, {
        method: 'POST',
        token: jamie,
        body: invite({ contact: 'sam.morgan@example.com' }),
      });
      expect(inviteOthers.status).toBe(403);
      expect(await snapshot()).toEqual(before);

      const alex = await tokenFor('alex');
      const changed = await call(`${acc}/delegates/${grant.id}`, {
        method: 'PATCH',
        token: alex,
        body: { scopes: ['view'], until: null },
      });
      expect(changed.body.scopes).toEqual(['view']);
      expect((await call('/me', { token: jamie })).body.accounts[0].scopes).toEqual(['view']);
    });
  });

  describe('invitation validation (the same zod schema as the form)', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['empty name', { name: '  ' }, 'name'],
      ['long name', { name: 'x'.repeat(81) }, 'name'],
      ['control characters', { name: 'Jamie\u0000Morgan' }, 'name'],
      ['direction override', { name: 'Jamie\u202eMorgan' }, 'name'],
      ['bad email', { contact: 'jamie@' }, 'contact'],
      ['landline', { contact: '020 7946 0321' }, 'contact'],
      ['no relationship', { relationship: 'neighbour' }, 'relationship'],
      ['no scopes', { scopes: [] }, 'scopes'],
      ['unknown scope', { scopes: ['delegates'] }, 'scopes'],
      ['past date', { until: dayFromToday(-1) }, 'until'],
      ['today', { until: dayFromToday(0) }, 'until'],
      ['more than 5 years', { until: dayFromToday(5 * 366 + 2) }, 'until'],
      ['not a date', { until: 'soon' }, 'until'],
      ['inviting yourself (email)', { contact: 'ALEX.MORGAN@example.com' }, 'contact'],
      ['inviting yourself (mobile)', { contact: '07700 900123' }, 'contact'],
    ];
    it.each(cases)('refuses %s with 422 naming the field, changing nothing', async (_, overrides, field) => {
      const alex = await tokenFor('alex');
      const before = await snapshot();
      const res = await call(`${acc}/delegates`, { method: 'POST', token: alex, body: invite(overrides) });
      expect(res.status).toBe(422);
      expect(res.body.errors.map((e: { field: string }) => e.field.split('.')[0])).toContain(field);
      expect(await snapshot()).toEqual(before);
    });

    it('accepts "until withdrawn" and a UK mobile', async () => {
      const res = await call(`${acc}/delegates`, {
        method: 'POST',
        token: await tokenFor('alex'),
        body: invite({ until: null, contact: '07700 900321' }),
      });
      expect(res.status).toBe(201);
      expect(res.body.until).toBeNull();
    });

    it('refuses someone already invited or active', async () => {
      await inviteJamie();
      const again = await call(`${acc}/delegates`, { method: 'POST', token: await tokenFor('alex'), body: invite() });
      expect(again.status).toBe(422);
      expect(again.body.errors[0]).toMatchObject({
        field: 'contact',
        pointer: '/contact',
        code: 'not_allowed',
        reason: 'errors.contactInvited',
        detail: 'You already invited this person. Their invitation is still open.',
      });
      await change((db) => (db.delegates.grants = []));
      await grantDirectly('jamie', ['view']);
      const active = await call(`${acc}/delegates`, {
        method: 'POST',
        token: await tokenFor('alex'),
        body: invite({ contact: '07700900321' }),
      });
      expect(active.body.errors[0]).toMatchObject({
        field: 'contact',
        code: 'not_allowed',
        reason: 'errors.contactActive',
        detail: 'This person can already act for you. Change what they can do in the list instead.',
      });
    });
  });

  describe('phone passwords', () => {
    it('the holder reveals their own only after confirming their date of birth', async () => {
      const alex = await tokenFor('alex');
      expect((await call(`${acc}/phone-password`, { token: alex })).body).toMatchObject({ isSet: true });
      const wrong = await call(`${acc}/phone-password/reveal`, {
        method: 'POST',
        token: alex,
        body: { dateOfBirth: '1990-01-01' },
      });
      expect(wrong.status).toBe(422);
      expect(wrong.body.errors[0].field).toBe('dateOfBirth');
      const right = await call(`${acc}/phone-password/reveal`, {
        method: 'POST',
        token: alex,
        body: { dateOfBirth: '1986-04-12' },
      });
      expect(right.body.password).toBe('Heron 1986');
    });

    it('stops after five wrong dates of birth', async () => {
      const alex = await tokenFor('alex');
      for (let i = 0; i < 5; i++) {
        await call(`${acc}/phone-password/reveal`, {
          method: 'POST',
          token: alex,
          body: { dateOfBirth: '1990-01-01' },
        });
      }
      const res = await call(`${acc}/phone-password/reveal`, {
        method: 'POST',
        token: alex,
        body: { dateOfBirth: '1986-04-12' },
      });
      expect(res.status).toBe(429);
    });

    it('the pause after five wrong dates of birth ends after 15 minutes, as it says', async () => {
      const alex = await tokenFor('alex');
      const reveal = (dateOfBirth: string) =>
        call(`${acc}/phone-password/reveal`, { method: 'POST', token: alex, body: { dateOfBirth } });
      for (let i = 0; i < 5; i++) await reveal('1990-01-01');
      const paused = await reveal('1986-04-12');
      expect(paused.status).toBe(429);
      expect(paused.body).toMatchObject({ code: 'too-many-tries', retryAfterSeconds: 900 });
      advanceClock(15 * 60_000 + 1000);
      const right = await reveal('1986-04-12');
      expect(right.status).toBe(200);
      expect(right.body.password).toBe('Heron 1986');
    });

    it("a delegate with the phone scope has their own password, never the holder's", async () => {
      await grantDirectly('jamie', ['phone']);
      const jamie = await tokenFor('jamie');
      expect((await call(`${acc}/phone-password`, { token: jamie })).body.isSet).toBe(false);
      const revealBefore = await call(`${acc}/phone-password/reveal`, {
        method: 'POST',
        token: jamie,
        body: { dateOfBirth: '1986-04-12' },
      });
      expect(revealBefore.status).toBe(422); // Alex's date of birth is not Jamie's
      expect(
        (
          await call(`${acc}/phone-password/reveal`, {
            method: 'POST',
            token: jamie,
            body: { dateOfBirth: '1987-09-30' },
          })
        ).status,
      ).toBe(404);
      expect(
        (await call(`${acc}/phone-password`, { method: 'PUT', token: jamie, body: { password: 'Kingfisher 7' } }))
          .status,
      ).toBe(200);
      const mine = await call(`${acc}/phone-password/reveal`, {
        method: 'POST',
        token: jamie,
        body: { dateOfBirth: '1987-09-30' },
      });
      expect(mine.body.password).toBe('Kingfisher 7');
      const alexs = await call(`${acc}/phone-password/reveal`, {
        method: 'POST',
        token: await tokenFor('alex'),
        body: { dateOfBirth: '1986-04-12' },
      });
      expect(alexs.body.password).toBe('Heron 1986');
    });

    it('refuses a password that is too short or has symbols', async () => {
      const alex = await tokenFor('alex');
      for (const password of ['abc', '<script>x</script>']) {
        const res = await call(`${acc}/phone-password`, { method: 'PUT', token: alex, body: { password } });
        expect(res.status).toBe(422);
      }
    });
  });
});
