import { configure, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db } from '@/backend/store';
import { renderApp } from '../render-app';
import { call, grantDirectly, tokenFor } from './support';

// The machine is shared: lazy pages and catalogues can take more than a second to arrive.
configure({ asyncUtilTimeout: 5000 });

describe('invite form', () => {
  /** Opens the invite form as Alex and sends it empty; the error summary takes focus. */
  async function sendEmptyInvite() {
    const { user } = renderApp('/people/invite', { persona: 'alex' });
    await screen.findByRole('heading', { level: 1, name: 'Invite someone to help' });
    // The heading shows before the form (it does not depend on who is signed in): wait for the form.
    await user.click(await screen.findByRole('button', { name: 'Send invitation' }));
    const summary = await screen.findByRole('alert', { name: 'There is a problem' });
    await waitFor(() => expect(summary).toHaveFocus());
    return { user, summary };
  }

  it('shows each error by its field and in a summary that takes focus', async () => {
    const { user, summary } = await sendEmptyInvite();
    for (const text of [
      'Enter their name.',
      'Enter their email address or UK mobile number.',
      'Choose how they are related to you.',
      'Choose at least one thing they can do.',
    ]) {
      expect(within(summary).getByRole('link', { name: text })).toBeInTheDocument();
    }
    const name = screen.getByRole('textbox', { name: 'Their name' });
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription(expect.stringContaining('Enter their name.'));

    await user.click(within(summary).getByRole('link', { name: 'Enter their name.' }));
    expect(name).toHaveFocus();
  });

  it('keeps every keystroke typed after a failed submit (the summary takes focus once per submit)', async () => {
    const { user, summary } = await sendEmptyInvite();
    await user.click(within(summary).getByRole('link', { name: 'Enter their name.' }));
    await user.keyboard('Jamie Morgan');
    const name = screen.getByRole('textbox', { name: 'Their name' });
    expect(name).toHaveValue('Jamie Morgan');
    await user.tab();
    await user.keyboard('jamie.morgan@example.com');
    expect(screen.getByRole('textbox', { name: 'Their email address or UK mobile number' })).toHaveValue(
      'jamie.morgan@example.com',
    );
  });

  it('checks the contact format and the end date, and shows the API refusing yourself', async () => {
    const { user } = renderApp('/people/invite', { persona: 'alex' });
    await user.type(await screen.findByRole('textbox', { name: 'Their name' }), 'Me again');
    const contact = screen.getByRole('textbox', { name: /email address or UK mobile/ });
    await user.type(contact, '020 7946 0321');
    await user.click(screen.getByRole('radio', { name: 'Partner' }));
    await user.click(screen.getByRole('checkbox', { name: 'See the account' }));
    await user.click(screen.getByRole('radio', { name: 'Until a date' }));
    await user.click(screen.getByRole('button', { name: 'Send invitation' }));
    expect(await screen.findAllByText(/UK mobile number like 07700 900123/)).toHaveLength(2);
    expect(screen.getAllByText('Enter the last day they can act for you.')).toHaveLength(2);

    await user.clear(contact);
    await user.type(contact, 'Alex.Morgan@example.com');
    await user.click(screen.getByRole('radio', { name: 'Until I withdraw it' }));
    await user.click(screen.getByRole('button', { name: 'Send invitation' }));
    expect(await screen.findAllByText(/This is your own email or number/)).toHaveLength(2);
    expect(db.delegates.grants).toHaveLength(0);
  });

  it('sends the invitation and lists the person as invited', async () => {
    const { user } = renderApp('/people/invite', { persona: 'alex' });
    await user.type(await screen.findByRole('textbox', { name: 'Their name' }), 'Jamie Morgan');
    await user.type(screen.getByRole('textbox', { name: /email address or UK mobile/ }), '07700 900321');
    await user.click(screen.getByRole('radio', { name: 'Partner' }));
    await user.click(screen.getByRole('checkbox', { name: 'Change contact choices' }));
    await user.click(screen.getByRole('button', { name: 'Send invitation' }));
    await waitFor(() => expect(db.delegates.grants).toHaveLength(1));
    expect(db.core.outbox.at(-1)).toMatchObject({ kind: 'invitation', to: '07700 900321' });
    expect(await screen.findByText(/We sent an invitation to Jamie Morgan/)).toBeInTheDocument();
    const card = screen.getByRole('listitem', { name: 'Jamie Morgan' });
    expect(within(card).getByText('Invited')).toBeInTheDocument();
    expect(within(card).getByText('Change contact choices')).toBeInTheDocument();
    expect(db.delegates.grants[0]).toMatchObject({
      name: 'Jamie Morgan',
      status: 'invited',
      scopes: ['preferences'],
      until: null,
    });
  });

  it('is not offered to a delegate', async () => {
    grantDirectly('jamie', ['view', 'preferences', 'content-filter', 'phone']);
    renderApp('/people/invite', { persona: 'jamie', accountId: 'acc-morgan' });
    expect(await screen.findByText(/Only Alex Morgan, the account holder, can invite/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Send invitation' })).not.toBeInTheDocument();
  });
});

describe('people list', () => {
  it('renders a name with markup as inert text', async () => {
    const name = '<img src=x onerror="window.pwned=1">';
    grantDirectly('jamie', ['view'], { name });
    const { container } = renderApp('/people', { persona: 'alex' });
    expect(await screen.findByRole('heading', { level: 3, name })).toBeInTheDocument();
    expect(container.querySelector('main img')).toBeNull();
    expect((window as { pwned?: number }).pwned).toBeUndefined();
  });

  it('changes what a delegate can do and withdraws in one press', async () => {
    grantDirectly('jamie', ['view', 'preferences']);
    const { user } = renderApp('/people', { persona: 'alex' });
    await user.click(await screen.findByRole('button', { name: 'Change what Jamie Morgan can do' }));
    const form = screen.getByRole('form', { name: 'What Jamie Morgan can do' });
    await user.click(within(form).getByRole('checkbox', { name: 'Change contact choices' }));
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText(/Jamie Morgan's new choices apply/)).toBeInTheDocument();
    expect(db.delegates.grants[0]!.scopes).toEqual(['view']);

    await user.click(screen.getByRole('button', { name: "Withdraw Jamie Morgan's authority" }));
    expect(await screen.findByText(/Jamie Morgan can no longer act for you/)).toBeInTheDocument();
    expect(db.delegates.grants[0]!.status).toBe('ended');
    expect(await screen.findByText("Withdrew Jamie Morgan's authority.")).toBeInTheDocument();
  });

  it('shows a delegate what they may do and lets them step down', async () => {
    grantDirectly('jamie', ['preferences']);
    const { user } = renderApp('/people', { persona: 'jamie', accountId: 'acc-morgan' });
    expect(
      await screen.findByText('Alex Morgan asked you to help with their account. Here is what you can do.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'People who can help' })).toBeInTheDocument();
    expect(await screen.findByText('You are acting for Alex Morgan.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Stop helping' }));
    await user.click(screen.getByRole('button', { name: 'Stop acting for Alex Morgan now' }));
    await waitFor(() => expect(db.delegates.grants[0]!.status).toBe('ended'));
  });
});

describe('invitation page', () => {
  it('asks a signed-out visitor to sign in first', async () => {
    renderApp('/invitation?t=inv-0123456789abcdef');
    expect(await screen.findByRole('link', { name: 'Sign in to see the invitation' })).toHaveAttribute(
      'href',
      '/sign-in?next=%2Finvitation%3Ft%3Dinv-0123456789abcdef',
    );
  });

  it('explains a tampered link in plain words', async () => {
    renderApp('/invitation?t=inv-0123456789abcdef', { persona: 'jamie' });
    expect(await screen.findByRole('heading', { name: 'This link does not work' })).toBeInTheDocument();
  });

  it('lets the invited person accept, then says the link was used', async () => {
    const grant = grantDirectly('jamie', ['preferences'], {
      personId: null,
      status: 'invited',
      acceptedAt: null,
      tokenUsedAt: null,
      invitationExpiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const { user, unmount } = renderApp(`/invitation?t=${grant.token}`, { persona: 'jamie' });
    expect(await screen.findByText('Alex Morgan asks you to help with Morgan household.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Accept' }));
    expect(await screen.findByText('Done. You can now act for Alex Morgan.')).toBeInTheDocument();
    unmount();
    renderApp(`/invitation?t=${grant.token}`, { persona: 'jamie' });
    expect(await screen.findByRole('heading', { name: 'This invitation has been used' })).toBeInTheDocument();
  });
});

describe('phone password', () => {
  it('reveals the holder’s password after the date of birth is confirmed', async () => {
    const { user } = renderApp('/account', { persona: 'alex' });
    await user.click(await screen.findByRole('button', { name: 'Show my phone password' }));
    const dob = screen.getByLabelText('Your date of birth');
    await user.type(dob, '1990-01-01');
    await user.click(screen.getByRole('button', { name: 'Show password' }));
    expect(await screen.findByText(/does not match our records/)).toBeInTheDocument();
    await user.clear(dob);
    await user.type(dob, '1986-04-12');
    await user.click(screen.getByRole('button', { name: 'Show password' }));
    expect(await screen.findByText('Heron 1986')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Forgot your phone password?' })).toBeInTheDocument();
  });

  it('tells a delegate without the phone scope how to get it', async () => {
    grantDirectly('jamie', ['preferences']);
    renderApp('/account', { persona: 'jamie', accountId: 'acc-morgan' });
    expect(await screen.findByText(/Alex Morgan has not asked you to speak to us by phone/)).toBeInTheDocument();
  });
});

describe('when authority ends while the page is open', () => {
  it('the next action is refused, and the banner says plainly that authority ended', async () => {
    const grant = grantDirectly('jamie', ['phone']);
    const { user } = renderApp('/account', { persona: 'jamie', accountId: 'acc-morgan' });
    expect(await screen.findByText('You are acting for Alex Morgan.')).toBeInTheDocument();
    await user.type(await screen.findByRole('textbox', { name: 'New phone password' }), 'Kingfisher 7');
    grant.status = 'ended';
    await user.click(screen.getByRole('button', { name: 'Save phone password' }));
    expect(
      await screen.findByText('You can no longer act for Alex Morgan. Ask Alex Morgan if you need to help again.'),
    ).toBeInTheDocument();
    expect(screen.queryByText('You are acting for Alex Morgan.')).not.toBeInTheDocument();
    expect(db.delegates.phonePasswords.some((p) => p.personId === 'jamie')).toBe(false);
  });
});

describe('in German', () => {
  it('says a refusal only the server can make in German too', async () => {
    const { user } = renderApp('/people/invite', { persona: 'alex', language: 'de' });
    await user.type(await screen.findByRole('textbox', { name: /Name der Person/ }), 'Ich selbst');
    await user.type(
      screen.getByRole('textbox', { name: /E-Mail-Adresse oder britische Mobilnummer/ }),
      'alex.morgan@example.com',
    );
    await user.click(screen.getByRole('radio', { name: 'Partner oder Partnerin' }));
    await user.click(screen.getByRole('checkbox', { name: /Konto ansehen/ }));
    await user.click(screen.getByRole('radio', { name: 'Bis ich es beende' }));
    await user.click(screen.getByRole('button', { name: 'Einladung senden' }));
    expect(await screen.findAllByText(/Das ist Ihre eigene Adresse oder Nummer/)).toHaveLength(2);
    expect(db.delegates.grants).toHaveLength(0);
  });

  it('shows the invite form in formal German', async () => {
    const { user } = renderApp('/people/invite', { persona: 'alex', language: 'de' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Eine Person einladen' })).toBeInTheDocument();
    // The heading shows before the form (it does not depend on who is signed in): wait for the form.
    await user.click(await screen.findByRole('button', { name: 'Einladung senden' }));
    expect(await screen.findByRole('alert', { name: 'Bitte prüfen Sie Ihre Angaben' })).toBeInTheDocument();
    expect(screen.getAllByText('Bitte geben Sie den Namen ein.')).toHaveLength(2);
  });
});

describe('the activity log speaks words, in the reader’s language', () => {
  /** Jamie turns offer emails off for Alex; Alex verifies his age and turns his line's filter off. */
  async function changeThingsOnTheAccount() {
    grantDirectly('jamie', ['preferences']);
    const jamie = tokenFor('jamie');
    const alex = tokenFor('alex');
    const prefs = await call('/accounts/acc-morgan/preferences', { token: jamie });
    const changed = await call('/accounts/acc-morgan/preferences', {
      method: 'PATCH',
      token: jamie,
      body: { version: prefs.body.version, marketing: { offers: { email: false } }, senders: { partners: true } },
    });
    expect(changed.status).toBe(200);
    const acc = '/accounts/acc-morgan/content-filter';
    await call(`${acc}/age-verification`, { method: 'POST', token: alex, body: { method: 'date-of-birth' } });
    expect((await call(`${acc}/lines/line-alex`, { method: 'PUT', token: alex, body: { on: false } })).status).toBe(
      200,
    );
  }

  it('in English: each change in words, no raw paths or values', async () => {
    await changeThingsOnTheAccount();
    renderApp('/people', { persona: 'alex' });
    const log = (await screen.findByRole('heading', { name: 'What happened on this account' })).closest(
      'section',
    ) as HTMLElement;
    expect(await within(log).findByText('Offers and upgrades by email: turned off')).toBeInTheDocument();
    expect(within(log).getByText('Marketing from partner companies: turned on')).toBeInTheDocument();
    // Turning a filter off names the age check it rested on.
    expect(
      within(log).getByText(
        'Turned the content filter off for 07700 900123. Their age was checked with the date of birth confirmed by the credit check at contract signing.',
      ),
    ).toBeInTheDocument();
    expect(
      within(log).getByText(
        'Verified their age with the date of birth confirmed by the credit check at contract signing.',
      ),
    ).toBeInTheDocument();
    expect(log).not.toHaveTextContent(/marketing\.|senders\.|true|false|→/);
  });

  it('in German: the same entries in German, with no English “on” or “off”', async () => {
    await changeThingsOnTheAccount();
    renderApp('/people', { persona: 'alex', language: 'de' });
    const log = (await screen.findByRole('heading', { name: 'Was auf diesem Konto passiert ist' })).closest(
      'section',
    ) as HTMLElement;
    expect(await within(log).findByText('Angebote und Upgrades per E-Mail: ausgeschaltet')).toBeInTheDocument();
    expect(
      within(log).getByText(
        'Hat den Jugendschutzfilter für 07700 900123 ausgeschaltet. Das Alter wurde mit dem Geburtsdatum aus der Bonitätsprüfung bei Vertragsabschluss bestätigt.',
      ),
    ).toBeInTheDocument();
    expect(
      within(log).getByText(
        'Hat das eigene Alter mit dem Geburtsdatum aus der Bonitätsprüfung bei Vertragsabschluss bestätigt.',
      ),
    ).toBeInTheDocument();
    expect(log).not.toHaveTextContent(/\b(on|off|true|false)\b|marketing\.|→/);
  });
});
