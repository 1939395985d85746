// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '@/backend/domain/unsubscribe-tokens';
import type { RunningServer } from '../../server/start';
import { backends, call, signInAs, startTestServer, stopTestServer } from './support';

// "No request reads a table whole": with 50,000 customers in the database, a request for the first
// customer and one for the last send the same queries, and each query's plan reads the big tables
// only through an index (a sequential scan of one fails the test).

const customers = 50_000;
/** Tables at least this big must never be scanned whole; smaller ones may be (the planner's choice). */
const bigTable = 1_000;

type Plan = { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; Plans?: Plan[] };

/** Copies one row of `table` N times, with some columns replaced by expressions of g (1…N). */
async function copyRow(server: RunningServer, table: string, where: string, replace: Record<string, string>) {
  const { rows } = await server.database.query(
    `SELECT column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER'
        AND column_name NOT IN ('seq', 'row_version') ORDER BY ordinal_position`,
    [table],
  );
  const columns = rows.map((r) => r.column_name as string);
  const values = columns.map((c) => replace[c] ?? `"${c}"`);
  await server.database.query(
    `INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')})
     SELECT ${values.join(', ')} FROM ${table}, generate_series(1, ${customers}) AS g WHERE ${where}`,
  );
}

async function addCustomers(server: RunningServer) {
  await copyRow(server, 'people', "id = 'alex'", {
    id: "'p' || g",
    email: "'p' || g || '@example.net'",
    mobile: "'077' || lpad(g::text, 8, '0')",
    persona_description: "''",
  });
  await copyRow(server, 'accounts', "id = 'acc-morgan'", { id: "'a' || g", holder_id: "'p' || g" });
  await copyRow(server, 'lines', "id = (SELECT min(id) FROM lines WHERE account_id = 'acc-morgan')", {
    id: "'l' || g",
    account_id: "'a' || g",
    user_person_id: "'p' || g",
  });
  for (const table of ['current_preferences', 'initial_preferences'])
    await copyRow(server, table, "account_id = 'acc-morgan'", { account_id: "'a' || g" });
  await copyRow(server, 'consent_events', "id = (SELECT min(id) FROM consent_events WHERE account_id = 'acc-morgan')", {
    id: "'ce-' || g",
    account_id: "'a' || g",
  });
  for (const channel of ['sms', 'phone']) {
    await server.database.query(
      `INSERT INTO send_attempts (id, account_id, at, channel, topic, sender, sender_name, summary, allowed, reason)
       SELECT '${channel}-' || g, 'a' || g, now() - interval '1 day', '${channel}', 'offers', 'company', 'Kestrel',
              'A refused send', false, 'channel-off' FROM generate_series(1, ${customers}) AS g`,
    );
  }
  await server.database.query('ANALYZE');
}

function scans(plan: Plan): string[] {
  const here = plan['Relation Name'] ? [`${plan['Node Type']} on ${plan['Relation Name']}`] : [];
  return [...here, ...(plan.Plans ?? []).flatMap(scans)];
}

describe.each(backends)('every request reads only its own customer (%s)', (backend) => {
  let server: RunningServer;
  let sizes: Map<string, number>;

  beforeAll(async () => {
    server = await startTestServer(backend, 'percustomer');
    const started = performance.now();
    await addCustomers(server);
    if (process.env.DEBUG_TIMES)
      console.log(`${backend}: ${customers} customers in ${Math.round(performance.now() - started)} ms`);
    const { rows } = await server.database.query(
      'SELECT relname, n_live_tup FROM pg_stat_user_tables WHERE schemaname = current_schema()',
    );
    sizes = new Map(rows.map((r) => [r.relname as string, Number(r.n_live_tup)]));
  }, 300_000);
  afterAll(() => stopTestServer(server));

  /** The queries one customer's requests send, each with its plan's scans. */
  async function journey(n: number) {
    const seen: { text: string; params: unknown[] | undefined }[] = [];
    const requests: Record<string, number> = {};
    const token = await signInAs(server.url, `p${n}`);
    const account = `/api/accounts/a${n}`;
    const link = await signToken({
      kind: 'opt-out',
      accountId: `a${n}`,
      personId: `p${n}`,
      channel: 'email',
      topic: 'offers',
      issuedAt: new Date().toISOString(),
      nonce: 'AAAAAAAA',
    });
    let version = 0;
    const steps: [string, () => Promise<{ status: number }>][] = [
      ['me', () => call(server.url, '/api/me', { token })],
      [
        'preferences',
        async () => {
          const reply = await call(server.url, `${account}/preferences`, { token });
          version = reply.body.version as number;
          return reply;
        },
      ],
      [
        'change',
        () =>
          call(server.url, `${account}/preferences`, {
            method: 'PATCH',
            token,
            json: { version, marketing: { offers: { sms: true } } },
          }),
      ],
      ['consent record', () => call(server.url, `${account}/consent-record?page=1&pageSize=20`, { token })],
      ['contacts', () => call(server.url, `${account}/contacts`, { token })],
      [
        'one-click',
        () =>
          call(server.url, `/api/unsubscribe/${link}/one-click`, {
            method: 'POST',
            body: 'List-Unsubscribe=One-Click',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          }),
      ],
    ];
    for (const [name, step] of steps) {
      const before = seen.length;
      server.database.observe((text, params) => seen.push({ text, params }));
      const reply = await step();
      server.database.observe(null);
      expect(reply.status, name).toBeLessThan(300);
      requests[name] = seen.length - before;
    }
    const plans: string[][] = [];
    for (const { text, params } of seen) {
      const { rows } = await server.database.query(`EXPLAIN (FORMAT JSON) ${text}`, params);
      const explained = rows[0]!['QUERY PLAN'];
      const plan = (typeof explained === 'string' ? JSON.parse(explained) : explained) as { Plan: Plan }[];
      plans.push(scans(plan[0]!.Plan));
    }
    return { requests, plans };
  }

  it('sends the same queries for the first and the last of 50,000 customers, none scanning a big table', async () => {
    expect(sizes.get('people')).toBeGreaterThanOrEqual(customers);
    const first = await journey(1);
    const last = await journey(customers);
    if (process.env.DEBUG_TIMES) console.log(backend, first.requests);
    expect(last.requests).toEqual(first.requests);
    // A handful of queries per request, whatever the size of the customer base. The most is the one-click
    // (13): it reads, then writes its consent event, change event, opt-out, activity and the demo's five
    // simulated systems' requests, each row an INSERT of its own.
    for (const count of Object.values(first.requests)) expect(count).toBeLessThanOrEqual(13);
    expect(last.plans).toEqual(first.plans);
    const wholeReads = first.plans
      .flat()
      .filter((scan) => /^Seq Scan on (.+)$/.test(scan))
      .map((scan) => scan.replace('Seq Scan on ', ''))
      .filter((table) => (sizes.get(table) ?? 0) >= bigTable);
    expect(wholeReads).toEqual([]);
  }, 300_000);
});
