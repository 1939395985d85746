// The email itself: an RFC 5322 message built and DKIM-signed by nodemailer, written to disk as .eml
// instead of being handed to an SMTP server.
import { generateKeyPairSync } from 'node:crypto';
import nodemailer from 'nodemailer';

export type DkimKey = { domain: string; selector: string; privateKey: string; dnsName: string; dnsValue: string };

/** A fresh RSA 2048 key and the DNS TXT record a real deployment would publish for it. */
export function newDkimKey(domain: string, selector: string): DkimKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const p = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  return {
    domain,
    selector,
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    dnsName: `${selector}._domainkey.${domain}`,
    dnsValue: `v=DKIM1; k=rsa; p=${p}`,
  };
}

// RFC 8058 §4: a mail provider offers one-click unsubscribe only when the DKIM signature covers both
// List-Unsubscribe headers, so they are named here rather than left to the library's defaults.
const signedHeaders = [
  'From',
  'To',
  'Subject',
  'Date',
  'Message-ID',
  'MIME-Version',
  'Content-Type',
  'List-Unsubscribe',
  'List-Unsubscribe-Post',
].join(':');

export type Email = {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** As the preference centre gives them: `<https://…/one-click>` and `List-Unsubscribe=One-Click`. */
  listUnsubscribe: string;
  listUnsubscribePost: string;
};

/** The signed message, CRLF line ends as on the wire. */
export async function composeEmail(email: Email, dkim: DkimKey): Promise<Buffer> {
  const transport = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'windows',
    dkim: {
      domainName: dkim.domain,
      keySelector: dkim.selector,
      privateKey: dkim.privateKey,
      headerFieldNames: signedHeaders,
    },
  });
  const info = await transport.sendMail({
    from: email.from,
    to: email.to,
    subject: email.subject,
    text: email.text,
    html: email.html,
    headers: {
      // `prepared`: written exactly as given (a long URL is not folded or encoded).
      'List-Unsubscribe': { prepared: true, value: email.listUnsubscribe },
      'List-Unsubscribe-Post': email.listUnsubscribePost,
    },
  });
  return info.message as Buffer;
}
