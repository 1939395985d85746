// node scripts/bench/generate-customers.mjs <N> [contactsPerCustomer=10] > customers.ndjson
// N customers in the import format (api/customer-import.schema.json), streamed to standard output:
// refs C00000001…, lines L00000001…, emails c00000001@example.net; choices and contacts random but
// seeded, so the same N gives the same file every time.
import { once } from 'node:events';

const n = Number(process.argv[2]);
const perCustomer = Number(process.argv[3] ?? 10);
if (!Number.isInteger(n) || n < 0 || !Number.isInteger(perCustomer) || perCustomer < 0) {
  console.error('Usage: node scripts/bench/generate-customers.mjs <N> [contactsPerCustomer=10] > file.ndjson');
  process.exit(2);
}

// mulberry32, as src/backend/seed/contact-history-generate.ts
let state = 20260101;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (items) => items[Math.floor(random() * items.length)];

const channels = ['email', 'sms', 'phone', 'post', 'app'];
const topics = ['offers', 'new-products', 'newsletter', 'surveys'];
const service = ['bills', 'outages', 'security', 'account', 'orders'];
const first = ['Ann', 'Ben', 'Chloe', 'Dev', 'Ella', 'Finn', 'Grace', 'Hari', 'Isla', 'Jack', 'Kemi', 'Leo', 'Mia'];
const last = ['Example', 'Smith', 'Jones', 'Patel', 'Taylor', 'Brown', 'Khan', 'Evans', 'Walker', 'Wright', 'Hughes'];
const summaries = {
  offers: 'Offer: faster broadband for the same price',
  'new-products': 'New: home security cameras',
  newsletter: 'The monthly newsletter',
  surveys: 'How was your last call with us?',
  bills: 'Your bill is ready',
  outages: 'Outage in your area is fixed',
  security: 'New sign-in to your account',
  account: 'Call about your account',
  orders: 'Your order is on its way',
};
const start = Date.parse('2024-01-01T00:00:00.000Z');
const span = Date.parse('2026-10-01T00:00:00.000Z') - start;

function customer(i) {
  const digits = String(i).padStart(8, '0');
  const mobile = `077${digits}`;
  const marketing = {};
  for (const topic of topics) {
    if (random() < 0.2) continue; // a topic left out: no marketing on it
    marketing[topic] = Object.fromEntries(channels.map((c) => [c, random() < 0.3]));
  }
  const contacts = [];
  for (let k = 0; k < perCustomer; k++) {
    const isMarketing = random() < 0.5;
    const topic = isMarketing ? pick(topics) : pick(service);
    contacts.push({
      at: new Date(start + Math.floor(random() * span)).toISOString(),
      channel: pick(channels),
      topic,
      sender: isMarketing && random() < 0.1 ? 'agents' : 'company',
      summary: summaries[topic],
    });
  }
  return {
    ref: `C${digits}`,
    name: `${pick(first)} ${pick(last)}`,
    email: `c${digits}@example.net`,
    mobile,
    language: random() < 0.9 ? 'en' : 'de',
    lines: [{ ref: `L${digits}`, number: mobile }],
    choices: { marketing, senders: { company: random() < 0.7, agents: random() < 0.2, partners: random() < 0.1 } },
    choicesAt: '2024-01-01T00:00:00.000Z',
    contacts,
  };
}

let chunk = '';
for (let i = 1; i <= n; i++) {
  chunk += JSON.stringify(customer(i)) + '\n';
  if (chunk.length > 1 << 16 || i === n) {
    if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
    chunk = '';
  }
}
