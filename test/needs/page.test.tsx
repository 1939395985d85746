import { configure, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db } from '@/backend/store';
import { paths } from '@/config/paths';
import { grantDirectly } from '../delegates/support';
import { renderApp } from '../render-app';

configure({ asyncUtilTimeout: 10_000 });

const letterFlag = 'This letter was in standard print. You have told us you need large print.';

describe('What works for you', () => {
  it('Alex records large print letters; the standard letter in the history is flagged and reported in one step', async () => {
    const { user, router } = renderApp(paths.needs(), { persona: 'alex' });
    expect(await screen.findByRole('heading', { level: 1, name: 'What works for you' })).toBeInTheDocument();
    expect(await screen.findByText('This is private. Only you and people you choose can see it.')).toBeInTheDocument();
    const letters = await screen.findByRole('group', { name: 'Letters and bills on paper' });
    expect(within(letters).getByRole('radio', { name: 'Standard print' })).toBeChecked();
    await user.click(within(letters).getByRole('radio', { name: 'Large print' }));
    await user.type(screen.getByRole('textbox', { name: /in your own words/ }), 'Please speak slowly.');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved. Our team will use this from now on.')).toHaveAttribute('role', 'status');
    expect(db.needs.accounts['acc-morgan']).toMatchObject({ letters: 'large-print', ownWords: 'Please speak slowly.' });

    await router.navigate(paths.contactHistory('broken=true'));
    const flag = await screen.findByText(letterFlag);
    const row = flag.closest('li')!;
    await user.click(within(row).getByRole('button', { name: 'Report this contact' }));
    await user.click(screen.getByRole('button', { name: 'Send report' }));
    expect(await screen.findByText(/^Report sent\. Your reference is KT-/)).toBeInTheDocument();
    expect(db.contactHistory.reports[0]!.contactId).toBe('morgan-006');
  });

  it('says "nothing changed" when saved as it was', async () => {
    const { user } = renderApp(paths.needs(), { persona: 'alex' });
    await user.click(await screen.findByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Nothing changed, so there was nothing to save.')).toBeInTheDocument();
    expect(db.core.activity.some((e) => e.action === 'needs.changed')).toBe(false);
  });

  it('offers the people who can help as someone to contact instead, and the activity log words the change', async () => {
    const grant = grantDirectly('jamie', ['view']);
    const { user, router } = renderApp(paths.needs(), { persona: 'alex' });
    const select = await screen.findByRole('combobox', { name: 'Someone we should contact instead' });
    expect(within(screen.getByRole('main')).getByRole('link', { name: 'People who can help' })).toHaveAttribute(
      'href',
      paths.delegates(),
    );
    await user.selectOptions(select, 'Jamie Morgan');
    await user.click(screen.getByRole('checkbox', { name: "Write to me, please don't phone" }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved. Our team will use this from now on.');
    expect(db.needs.accounts['acc-morgan']!.contactPersonId).toBe(grant.id);

    await router.navigate(paths.delegates());
    expect(await screen.findByText('Changed what works for you.')).toBeInTheDocument();
    expect(screen.getByText("Write, please don't phone: turned on")).toBeInTheDocument();
    expect(screen.getByText('Someone we should contact instead: from nobody to Jamie Morgan')).toBeInTheDocument();
  });

  it('is in the navigation for a helper with the permission, and not for one without', async () => {
    grantDirectly('jamie', ['needs']);
    renderApp(paths.needs(), { persona: 'jamie', accountId: 'acc-morgan' });
    expect(
      await screen.findByText(
        'How to contact Alex Morgan so it works for them. We use this for every letter and call.',
      ),
    ).toBeInTheDocument();
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'What works for you' })).toBeInTheDocument();
  });

  it('says plainly who can see it to a helper without the permission, and loads nothing', async () => {
    grantDirectly('jamie', ['view', 'preferences']);
    renderApp(paths.needs(), { persona: 'jamie', accountId: 'acc-morgan' });
    expect(
      await screen.findByText('Only Alex Morgan and the people they choose can see this page.'),
    ).toBeInTheDocument();
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    // The navigation for this helper's account is complete once its contact choices are in it.
    await within(nav).findByRole('link', { name: 'Contact choices' });
    expect(within(nav).queryByRole('link', { name: 'What works for you' })).not.toBeInTheDocument();
  });

  it('speaks German', async () => {
    const { user } = renderApp(paths.needs(), { persona: 'alex', language: 'de' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Was für Sie passt' })).toBeInTheDocument();
    await user.click(await screen.findByRole('radio', { name: 'Großdruck' }));
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByText('Gespeichert. Unser Team richtet sich ab sofort danach.')).toBeInTheDocument();
  });
});
