import type { SendingSystem } from './propagation';

/** A sending system registered to use the senders' API (table `senders`). Only the key's SHA-256 is kept. */
export type SenderRecord = {
  id: string;
  name: string;
  /** SHA-256 (hex) of the API key; the key itself is shown once. */
  keyHash: string;
  webhookUrl?: string;
  /** `whsec_…`, kept to sign change events (a real deployment seals it with a KMS key). */
  webhookSecret?: string;
  createdAt: string;
  revokedAt?: string;
};

/** A service message (bills, outages, security) a sending system checked: only its channel counts. */
export type ServiceCheck = {
  id: string;
  accountId: string;
  systemId: string;
  at: string;
  channel: 'email' | 'sms' | 'phone' | 'post' | 'app';
  topic: 'bills' | 'outages' | 'security';
  lineId?: string;
  allowed: boolean;
  reason: 'allowed' | 'service-channel-off';
};

export type SendersState = { senders: SenderRecord[]; serviceChecks: ServiceCheck[] };

/**
 * The demo's keys for the five systems the product already names (README, "Sending systems"). Public
 * in the source, like the demo's link key: they are for trying the API, never for a real deployment.
 */
export const demoSenderKeys: Record<SendingSystem, string> = {
  'email-platform': 'sk_demo_email-platform_not-a-secret',
  'sms-gateway': 'sk_demo_sms-gateway_not-a-secret',
  dialler: 'sk_demo_dialler_not-a-secret',
  'print-house': 'sk_demo_print-house_not-a-secret',
  'app-notifications': 'sk_demo_app-notifications_not-a-secret',
};

/** The demo admin key (MSW shape, and the test servers). A real server has ADMIN_KEY or a generated one. */
export const demoAdminKey = 'kestrel-demo-admin-key-not-a-secret';

// SHA-256 of each demo key, worked out once (the seed is synchronous; test/senders/api.test.ts checks them).
const demoSenders: { system: SendingSystem; name: string; keyHash: string }[] = [
  {
    system: 'email-platform',
    name: 'Email platform',
    keyHash: '7407e1525fdfaf56942048781c60eb235bdb97d208bfd6e7d0a5986c68719605',
  },
  {
    system: 'sms-gateway',
    name: 'Text message gateway',
    keyHash: '67b208a93f32f138c28807fb2d91b1cb799357cd7de41797b4c494dd30014029',
  },
  {
    system: 'dialler',
    name: 'Call centre dialler',
    keyHash: 'a6f363181df9d8c6ef65a1f6cab5f07a679ce21df9cda9faf59f6f98f6cc7791',
  },
  {
    system: 'print-house',
    name: 'Print house',
    keyHash: 'b37ee555bf57f1b0119c521b4d66d3aa16578d8d8e0ca38a90037b3bec73b7e3',
  },
  {
    system: 'app-notifications',
    name: 'App notification service',
    keyHash: '32467f3e9038ce6c240e728c21a3795612e2c33b8d3a2e55d5c8d4f1b9080111',
  },
];

export const demoSenderId = (system: SendingSystem) => `snd-${system}`;

export function seedSenders(): SendersState {
  return {
    senders: demoSenders.map(({ system, name, keyHash }) => ({
      id: demoSenderId(system),
      name,
      keyHash,
      createdAt: '2026-11-01T09:00:00.000Z',
    })),
    serviceChecks: [],
  };
}
