/** The backends the server suites run on: embedded always, PostgreSQL when DATABASE_URL is set. */
export const backends = ['embedded', ...(process.env.DATABASE_URL ? ['postgres'] : [])] as const;
export type Backend = (typeof backends)[number];
