import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mayUse, pagesFor, type PageAccess } from '@/config/page-access';
import type { Scope } from '@/lib/api-types';
import { grantDirectly } from '../delegates/support';
import { renderApp } from '../render-app';

const holder: PageAccess = { role: 'holder', scopes: [] };
const lineUser: PageAccess = { role: 'line-user', scopes: [] };
const delegate = (...scopes: Scope[]): PageAccess => ({ role: 'delegate', scopes });

describe('who may use each page (one rule for navigation, home cards and links)', () => {
  it('offers a holder every page', () => {
    expect(pagesFor(holder).map((p) => p.key)).toEqual([
      'home',
      'preferences',
      'contactHistory',
      'contentFilter',
      'needs',
      'delegates',
      'account',
    ]);
  });

  it('offers what works for the customer only to the holder and helpers with that permission', () => {
    expect(mayUse('needs', holder)).toBe(true);
    expect(mayUse('needs', delegate('needs'))).toBe(true);
    expect(mayUse('needs', delegate('view', 'preferences', 'content-filter', 'phone'))).toBe(false);
    expect(mayUse('needs', lineUser)).toBe(false);
    expect(mayUse('needs', null)).toBe(false);
  });

  it('offers a helper with only the contact-choices scope no content filter', () => {
    expect(mayUse('contentFilter', delegate('preferences'))).toBe(false);
    expect(mayUse('preferences', delegate('preferences'))).toBe(true);
    expect(mayUse('contentFilter', delegate('content-filter'))).toBe(true);
  });

  it('offers a line user their content filter but not the holder’s choices or helpers', () => {
    expect(pagesFor(lineUser).map((p) => p.key)).toEqual(['home', 'contentFilter', 'account']);
  });

  it('offers someone acting for nobody only what needs no account', () => {
    expect(pagesFor(null).map((p) => p.key)).toEqual(['home', 'delegates', 'account']);
  });
});

describe('home page for a helper allowed only to change contact choices', () => {
  it('shows no card or link to the content filter, and agrees with the navigation', async () => {
    grantDirectly('jamie', ['preferences']);
    renderApp('/', { persona: 'jamie', accountId: 'acc-morgan' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Hello, Jamie Morgan' })).toBeInTheDocument();
    await screen.findByRole('heading', { level: 2, name: 'Contact history' });
    expect(screen.queryByRole('link', { name: 'Content filter' })).not.toBeInTheDocument();

    const nav = await screen.findByRole('navigation', { name: 'Main' });
    const navLinks = new Set(
      within(nav)
        .getAllByRole('link')
        .map((link) => link.getAttribute('href')),
    );
    const main = screen.getByRole('main');
    for (const link of within(main).getAllByRole('link')) {
      expect(navLinks, `${link.textContent} is offered on home but not in the navigation`).toContain(
        link.getAttribute('href'),
      );
    }
  });
});
