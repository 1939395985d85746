import { configure, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../render-app';

// The machine is shared: lazy pages and catalogues can take more than a second to arrive.
configure({ asyncUtilTimeout: 5000 });

describe('each demo person’s contact details, where someone choosing or inviting them looks', () => {
  it('the sign-in picker shows each person’s email and mobile', async () => {
    renderApp('/sign-in');
    const jamie = await screen.findByRole('button', { name: /Sign in as Jamie Morgan/ });
    expect(jamie).toHaveTextContent('jamie.morgan@example.com');
    expect(jamie).toHaveTextContent('07700 900321');
    expect(screen.getByRole('button', { name: /Sign in as Alex Morgan/ })).toHaveTextContent('alex.morgan@example.com');
  });

  it('the sign-in picker shows them in German too', async () => {
    renderApp('/sign-in', { language: 'de' });
    const jamie = await screen.findByRole('button', { name: /Als Jamie Morgan anmelden/ });
    expect(jamie).toHaveTextContent('jamie.morgan@example.com');
  });

  it('the invite form says the demo people’s addresses, next to the field that needs one', async () => {
    renderApp('/people/invite', { persona: 'alex' });
    const contact = await screen.findByRole('textbox', { name: 'Their email address or UK mobile number' });
    await expect.poll(() => contact).toHaveAccessibleDescription(/Jamie Morgan \(jamie\.morgan@example\.com\)/);
    expect(contact).not.toHaveAccessibleDescription(/alex\.morgan@example\.com/);
  });
});

describe('"Your account" for someone who holds no account', () => {
  it('has a heading and the person’s own name, email and mobile', async () => {
    renderApp('/account', { persona: 'jamie' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Your account' })).toBeInTheDocument();
    expect(await screen.findByText('Jamie Morgan')).toBeInTheDocument();
    expect(screen.getByText('jamie.morgan@example.com')).toBeInTheDocument();
    expect(screen.getByText('07700 900321')).toBeInTheDocument();
    expect(screen.getByText(/You are not acting for any account yet/)).toBeInTheDocument();
  });

  it('a holder sees their mobile too', async () => {
    renderApp('/account', { persona: 'alex' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Your account' })).toBeInTheDocument();
    expect(await screen.findByText('07700 900123')).toBeInTheDocument();
  });
});
