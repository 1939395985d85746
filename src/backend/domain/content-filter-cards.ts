/**
 * The card check: only a credit card can show age. Ofcom counts credit card checks as highly
 * effective age assurance because a UK credit card needs its holder to be 18 or over; debit and
 * prepaid cards are open to under-18s, so they cannot show age.
 */
export type CardType = 'credit' | 'debit' | 'prepaid';

/**
 * A card's type by its first digits (the issuer's range). In production the card issuer's range data
 * answers this; the demo knows Stripe's documented test numbers.
 */
const cardRanges: { prefix: string; type: CardType }[] = [
  { prefix: '424242', type: 'credit' }, // 4242 4242 4242 4242, Visa
  { prefix: '555555', type: 'credit' }, // 5555 5555 5555 4444, Mastercard
  { prefix: '222300', type: 'credit' }, // 2223 0031 2200 3222, Mastercard
  { prefix: '378282', type: 'credit' }, // 3782 822463 10005, American Express
  { prefix: '40000566', type: 'debit' }, // 4000 0566 5566 5556, Visa debit
  { prefix: '520082', type: 'debit' }, // 5200 8282 8282 8210, Mastercard debit
  { prefix: '510510', type: 'prepaid' }, // 5105 1051 0510 5100, Mastercard prepaid
];

export function luhnValid(digits: string) {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return sum % 10 === 0;
}

/** The card's type, or null when the number is not a card number or its range is unknown. */
export function cardType(digits: string): CardType | 'invalid' | null {
  if (!/^\d{12,19}$/.test(digits) || !luhnValid(digits)) return 'invalid';
  return cardRanges.find((range) => digits.startsWith(range.prefix))?.type ?? null;
}
