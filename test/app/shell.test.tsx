import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../render-app';

describe('app shell', () => {
  it('sends a signed-out visitor to sign in, and signs in as a persona', async () => {
    const { user, router } = renderApp('/preferences');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: /Sign in as Alex Morgan/ }));
    expect(await screen.findByRole('heading', { level: 1 })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/preferences');
  });

  it('summarises the account on the signed-in home page', async () => {
    renderApp('/', { persona: 'alex' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Hello, Alex Morgan' })).toBeInTheDocument();
    expect(await screen.findByText('Here is a summary of Morgan household.')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'How we contact you' })).toBeInTheDocument();
    expect(screen.getByText('You get marketing by email only.')).toBeInTheDocument();
    expect(screen.getByText(/07700 900456/)).toBeInTheDocument();
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Contact choices' })).toBeInTheDocument();
  });

  it('tells the spouse they act for nobody yet', async () => {
    renderApp('/', { persona: 'jamie' });
    expect(await screen.findByText(/You are not acting for any account yet/)).toBeInTheDocument();
  });

  it('switches language and keeps <html lang> in sync', async () => {
    const { user } = renderApp('/sign-in');
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    await user.click(screen.getByRole('button', { name: 'Deutsch' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Anmelden' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('de-DE');
  });

  it('shows a real 404 page for an unknown address', async () => {
    renderApp('/no-such-page');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
  });
});
