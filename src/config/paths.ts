// Every internal link is built here.
export const paths = {
  home: () => '/',
  signIn: (next?: string) => (next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in'),
  emailMeALink: () => '/email-me-a-link',
  preferences: () => '/preferences',
  consentRecord: (page = 1) => (page > 1 ? `/preferences/record?page=${page}` : '/preferences/record'),
  unsubscribe: () => '/unsubscribe',
  contactHistory: (search = '') => `/contact-history${search ? `?${search}` : ''}`,
  contentFilter: () => '/content-filter',
  needs: () => '/what-works-for-you',
  delegates: () => '/people',
  inviteDelegate: () => '/people/invite',
  invitation: () => '/invitation',
  account: () => '/account',
  outbox: () => '/demo/outbox',
  demo: () => '/demo',
} as const;
