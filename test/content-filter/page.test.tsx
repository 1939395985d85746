import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { paths } from '@/config/paths';
import type { Scope } from '@/lib/api-types';
import { advanceClock } from '@/backend/clock';
import { db } from '@/backend/store';
import { server } from '@/mocks/node';
import { renderApp } from '../render-app';

const page = paths.contentFilter();
/** Renders the page and waits for the lines (the first render loads lazy chunks, which can be slow). */
async function openPage(persona: string, accountId?: string) {
  const rendered = renderApp(page, { persona, ...(accountId ? { accountId } : {}) });
  await screen.findByRole('heading', { name: /07700 900456/, level: 3 }, { timeout: 8000 });
  return rendered;
}
function grantJamie(scopes: Scope[]) {
  db.delegates.grants.push({
    id: 'g1',
    accountId: 'acc-morgan',
    personId: 'jamie',
    name: 'Jamie Morgan',
    contact: 'jamie.morgan@example.com',
    relationship: 'partner',
    scopes,
    until: null,
    status: 'active',
    createdAt: '2026-11-01T00:00:00Z',
  } as (typeof db.delegates.grants)[number]);
}

const lineCard = (name: RegExp) => screen.getByRole('heading', { name, level: 3 }).closest('li') as HTMLElement;

describe('content filter page', () => {
  it('lets the holder verify with the date of birth on file and turn off their own filter', async () => {
    const { user } = await openPage('alex');
    const alexLine = await screen.findByRole('heading', { name: /Mobile: 07700 900123/ });
    const card = alexLine.closest('li') as HTMLElement;
    expect(within(card).getByText('Filter on')).toBeInTheDocument();
    expect(within(card).queryByRole('switch')).not.toBeInTheDocument();
    expect(within(card).getByText(/verify your age first/i)).toBeInTheDocument();

    // The child's line says why it is on and that Alex decides.
    const samCard = lineCard(/07700 900456/);
    expect(within(samCard).getByText(/because Sam Morgan is under 18/)).toBeInTheDocument();

    expect(screen.getByRole('radio', { name: 'Date of birth on your account' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Verify with my date of birth' }));
    const verified = await screen.findByText(/You verified your age on .* using the date of birth on your account/);
    expect(verified.closest('div')).toHaveFocus();

    const toggle = await within(card).findByRole('switch', { name: /Block adult sites on Mobile 07700 900123/ });
    expect(toggle).toBeChecked();
    await user.click(toggle);
    expect(await screen.findByText('The filter on 07700 900123 is now off.')).toBeInTheDocument();
    expect(within(card).getByText('Filter off')).toBeInTheDocument();
    expect(within(card).getByText(/Changes to this filter \(1\)/)).toBeInTheDocument();
    expect(db.contentFilter.lines['line-alex']?.on).toBe(false);
  });

  it('shows Sam his filter, says plainly who can change it, and offers no switch', async () => {
    await openPage('sam');
    const card = (await screen.findByRole('heading', { name: /07700 900456/ })).closest('li') as HTMLElement;
    expect(within(card).getByText('Filter on')).toBeInTheDocument();
    expect(within(card).queryByRole('switch')).not.toBeInTheDocument();
    expect(
      within(card).getByText(/because you are under 18. Only Alex Morgan, the account holder, can change it/),
    ).toBeInTheDocument();
    expect(within(card).getByText(/talk to Alex Morgan/)).toBeInTheDocument();
    expect(
      await screen.findByText(/Alex Morgan, the account holder, looks after the filter on your line/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /07700 900123/ })).not.toBeInTheDocument();
  });

  it('tells a delegate that age verification is personal', async () => {
    grantJamie(['content-filter']);
    await openPage('jamie', 'acc-morgan');
    expect(
      await screen.findByText(/The age check is personal. Alex Morgan verifies their own age/),
    ).toBeInTheDocument();
    const card = lineCard(/07700 900123/);
    expect(within(card).getByText(/needs Alex Morgan's own age check/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Verify with/ })).not.toBeInTheDocument();
  });

  it('tells a delegate without a content scope how to get access', async () => {
    grantJamie(['phone']);
    renderApp(page, { persona: 'jamie', accountId: 'acc-morgan' });
    expect(
      await screen.findByText(
        /You cannot see the content filters on this account. Ask Alex Morgan/,
        {},
        { timeout: 8000 },
      ),
    ).toBeInTheDocument();
  });

  it('tells a delegate with view only that they need permission to change filters', async () => {
    grantJamie(['view']);
    await openPage('jamie', 'acc-morgan');
    expect(
      within(lineCard(/07700 900123/)).getByText(/permission to manage content filters. Ask Alex Morgan to add it/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('switch')).not.toBeInTheDocument();
  });

  it('shows the card check failure in plain words and changes nothing', async () => {
    const { user } = await openPage('alex');
    await user.click(await screen.findByRole('radio', { name: 'Credit card check' }));
    expect(screen.getByText(/We do not charge your card/)).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Credit card number' }), '4242 4242 4242 4241');
    await user.click(screen.getByRole('button', { name: 'Check my card' }));
    const input = screen.getByRole('textbox', { name: 'Credit card number' });
    expect(await screen.findByText(/That card number is not valid.*Nothing was charged/)).toBeInTheDocument();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(db.contentFilter.verifications.alex).toBeUndefined();
  });

  it('says the date of birth check rests on the credit check made when the contract was signed', async () => {
    await openPage('alex');
    expect(
      screen.getByText(/Instant. It rests on the credit check we made when you signed your contract/),
    ).toBeInTheDocument();
  });

  it('refuses a debit card with the reason in one plain sentence', async () => {
    const { user } = await openPage('alex');
    await user.click(await screen.findByRole('radio', { name: 'Credit card check' }));
    expect(screen.getByText(/Credit cards only: a debit card cannot show your age/)).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Credit card number' }), '4000 0566 5566 5556');
    await user.click(screen.getByRole('button', { name: 'Check my card' }));
    expect(
      await screen.findByText(
        'A debit card cannot show your age, because people under 18 can have one too. Use a credit card, or choose another way.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Credit card number' })).toHaveAttribute('aria-invalid', 'true');
    expect(db.contentFilter.verifications.alex).toBeUndefined();
  });

  it('open banking: a demo consent screen, clearly marked, verifies age and each line shows how and when', async () => {
    const { user } = await openPage('alex');
    await user.click(await screen.findByRole('radio', { name: 'Open banking' }));
    await user.click(screen.getByRole('radio', { name: 'Demo Bank' }));
    await user.click(screen.getByRole('button', { name: 'Continue to your bank' }));
    const consent = screen.getByRole('region', { name: 'Demo Bank: share your age with Kestrel?' });
    expect(within(consent).getByRole('heading', { name: /share your age with Kestrel/ })).toHaveFocus();
    expect(within(consent).getByText("Demo: this stands in for your bank's own page.")).toBeInTheDocument();
    // Cancelling shares nothing and goes back.
    await user.click(within(consent).getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('button', { name: 'Continue to your bank' })).toHaveFocus();
    expect(db.contentFilter.verifications.alex).toBeUndefined();

    await user.click(screen.getByRole('button', { name: 'Continue to your bank' }));
    await user.click(screen.getByRole('button', { name: 'Share that I am 18 or over' }));
    expect(await screen.findByText(/You verified your age on .*, using open banking/)).toBeInTheDocument();
    expect(
      await within(lineCard(/07700 900123/)).findByText(/Your age was shown by open banking on/),
    ).toBeInTheDocument();
    expect(within(lineCard(/07700 900456/)).getByText(/Your age was shown by open banking on/)).toBeInTheDocument();
  });

  it('digital identity app: a demo consent screen verifies age', async () => {
    const { user } = await openPage('alex');
    await user.click(await screen.findByRole('radio', { name: 'Digital identity app' }));
    await user.click(screen.getByRole('button', { name: 'Continue to your ID app' }));
    const consent = screen.getByRole('region', { name: /share your age with Kestrel/ });
    expect(within(consent).getByText('Demo: this stands in for your digital identity app.')).toBeInTheDocument();
    await user.click(within(consent).getByRole('button', { name: 'Share that I am 18 or over' }));
    expect(await screen.findByText(/You verified your age on .*, using a digital identity app/)).toBeInTheDocument();
  });

  it('says when too many attempts were made', async () => {
    server.use(
      http.post('*/api/accounts/:accountId/content-filter/age-verification', () =>
        HttpResponse.json(
          { type: 'x', title: 'Too many', status: 429, code: 'rate-limited', retryAfterSeconds: 600 },
          { status: 429 },
        ),
      ),
    );
    const { user } = await openPage('alex');
    await user.click(await screen.findByRole('button', { name: 'Verify with my date of birth' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts. You can try again in 10 minutes.');
  });

  it('uploads an ID document, shows it pending, then verified', async () => {
    const { user } = await openPage('alex');
    await user.click(await screen.findByRole('radio', { name: 'ID document' }));
    const png = new File(
      [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])],
      'passport.png',
      { type: 'image/png' },
    );
    await user.upload(screen.getByLabelText(/Photo or scan of your passport/), png);
    await user.click(screen.getByRole('button', { name: 'Send my document' }));
    expect(await screen.findByText(/We are checking your ID document. In this demo/)).toBeInTheDocument();
    expect(db.contentFilter.verifications.alex?.status).toBe('pending');
    expect(
      within(lineCard(/07700 900123/)).getByText(/You can turn the filter off once it is approved/),
    ).toBeInTheDocument();
    // The demo review finishes; the page is polling and shows the answer without a reload.
    advanceClock(10_000);
    expect(await screen.findByText(/using an ID document/, {}, { timeout: 5000 })).toBeInTheDocument();
    expect(await within(lineCard(/07700 900123/)).findByRole('switch')).toBeChecked();
  });

  it('rejects a file that is not a JPG, PNG or PDF with a message on the field', async () => {
    const { user } = await openPage('alex');
    await user.click(await screen.findByRole('radio', { name: 'ID document' }));
    // Named and typed as a PDF, but it is not one: the API checks the content, not the name.
    const notPdf = new File(['hello'], 'scan.pdf', { type: 'application/pdf' });
    await user.upload(screen.getByLabelText(/Photo or scan of your passport/), notPdf);
    await user.click(screen.getByRole('button', { name: 'Send my document' }));
    expect(await screen.findByText('Send a photo or scan as a JPG, PNG or PDF file.')).toBeInTheDocument();
  });

  it('verifies with a shop code and refuses an expired one', async () => {
    const { user } = await openPage('alex');
    await user.click(await screen.findByRole('radio', { name: 'Code from a shop' }));
    const input = screen.getByRole('textbox', { name: 'Code from the shop' });
    await user.type(input, 'KST-1180-2025');
    await user.click(screen.getByRole('button', { name: 'Verify with my code' }));
    expect(await screen.findByText(/That code has expired/)).toBeInTheDocument();
    await user.clear(input);
    await user.type(input, 'KST-4827-1936');
    await user.click(screen.getByRole('button', { name: 'Verify with my code' }));
    expect(await screen.findByText(/using a code from a shop/)).toBeInTheDocument();
  });

  it('checks a site, then reports it as wrongly blocked with a reference', async () => {
    const { user } = await openPage('alex');
    const address = await screen.findByRole('textbox', { name: 'Web address to check' });
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(await screen.findByText('Enter a web address.')).toBeInTheDocument();
    await user.type(address, 'ftp://casino.example');
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(await screen.findByText(/starts with http:\/\/ or https:\/\//)).toBeInTheDocument();
    await user.clear(address);
    await user.type(address, 'ordinary-blog.example');
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(await screen.findByText('ordinary-blog.example is not blocked by the filter.')).toBeInTheDocument();
    await user.clear(address);
    await user.type(address, 'vineyard-diary.example');
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(
      await screen.findByText('vineyard-diary.example is blocked by the filter. Category: Alcohol.'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Report this site as wrongly blocked' }));
    expect(screen.getByRole('heading', { name: 'Report a site' })).toHaveFocus();
    expect(screen.getByRole('radio', { name: 'It is blocked, but it should not be' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Send report' }));
    const said = await screen.findByText(/Your reference is CF-[A-Z2-9]{6}\b/);
    const reference = /CF-[A-Z2-9]{6}/.exec(said.textContent ?? '')![0];
    const report = (await screen.findByRole('heading', { name: `Reference ${reference}` })).closest(
      'li',
    ) as HTMLElement;
    expect(within(report).getByText('vineyard-diary.example')).toBeInTheDocument();
    expect(within(report).getAllByText('Received')[0]).toBeInTheDocument();
  });

  it('shows an error summary that takes focus when the report form is incomplete', async () => {
    const { user } = await openPage('alex');
    await user.click(await screen.findByRole('button', { name: 'Send report' }));
    const summary = await screen.findByRole('alert', { name: 'There is a problem' });
    await waitFor(() => expect(summary).toHaveFocus());
    expect(within(summary).getByRole('link', { name: 'Enter a web address.' })).toBeInTheDocument();
    expect(within(summary).getByRole('link', { name: /Choose whether the site/ })).toBeInTheDocument();
  });

  it('keeps every keystroke typed after a failed submit (the summary takes focus once per submit)', async () => {
    const { user } = await openPage('alex');
    await user.click(await screen.findByRole('button', { name: 'Send report' }));
    const summary = await screen.findByRole('alert', { name: 'There is a problem' });
    await waitFor(() => expect(summary).toHaveFocus());

    await user.click(within(summary).getByRole('link', { name: 'Enter a web address.' }));
    const url = screen.getByRole('textbox', { name: 'Web address to report' });
    expect(url).toHaveFocus();
    await user.keyboard('vineyard-diary.example');
    expect(url).toHaveValue('vineyard-diary.example');
    expect(url).toHaveFocus();

    await user.click(screen.getByRole('textbox', { name: 'Anything we should know (optional)' }));
    await user.keyboard('A wine blog');
    expect(screen.getByRole('textbox', { name: 'Anything we should know (optional)' })).toHaveValue('A wine blog');

    // The next failed submit focuses the summary again.
    await user.click(screen.getByRole('button', { name: 'Send report' }));
    await expect.poll(() => screen.getByRole('alert', { name: 'There is a problem' })).toHaveFocus();
  });
});
