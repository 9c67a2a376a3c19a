/**
 * An amount written out in Turkish words, as Turkish invoices print their total
 * ("Yalnız dört bin yüz elli TL yirmi beş kuruş"). Shared by the invoice page and the PDF.
 */

const ONES = ["", "bir", "iki", "üç", "dört", "beş", "altı", "yedi", "sekiz", "dokuz"];
const TENS = ["", "on", "yirmi", "otuz", "kırk", "elli", "altmış", "yetmiş", "seksen", "doksan"];
const SCALES = ["", "bin", "milyon", "milyar", "trilyon"];

/** 0–999 in words; "yüz", not "bir yüz". */
function hundreds(n: number): string[] {
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const o = n % 10;
  const words: string[] = [];
  if (h > 0) words.push(...(h > 1 ? [ONES[h] ?? ""] : []), "yüz");
  if (t > 0) words.push(TENS[t] ?? "");
  if (o > 0) words.push(ONES[o] ?? "");
  return words;
}

/** A whole number (0 ≤ n < 10^15) in Turkish words: 1000 is "bin", 1001 "bin bir". */
export function integerInWordsTr(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0 || n >= 1e15) throw new RangeError(`out of range: ${n}`);
  if (n === 0) return "sıfır";
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 1000)) groups.push(rest % 1000);
  const words: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const group = groups[i] ?? 0;
    if (group === 0) continue;
    // "bin", never "bir bin".
    if (!(i === 1 && group === 1)) words.push(...hundreds(group));
    if (i > 0) words.push(SCALES[i] ?? "");
  }
  return words.join(" ");
}

/** Main and fractional unit per currency, as invoices spell them. */
const UNITS: Record<string, readonly [string, string]> = {
  TRY: ["TL", "kuruş"],
  USD: ["ABD doları", "sent"],
  EUR: ["avro", "sent"],
  GBP: ["İngiliz sterlini", "peni"],
  AED: ["BAE dirhemi", "fils"],
};

/** "Yalnız bin iki yüz otuz dört TL elli kuruş"; the fraction is left out when zero. */
export function amountInWordsTr(amount: number, currency: string): string {
  const cents = Math.round(Math.abs(amount) * 100);
  const whole = Math.floor(cents / 100);
  const fraction = cents % 100;
  const [main, sub] = UNITS[currency] ?? [currency, "/100"];
  const parts = [`Yalnız ${integerInWordsTr(whole)} ${main}`];
  if (fraction > 0) parts.push(`${integerInWordsTr(fraction)} ${sub}`);
  return parts.join(" ");
}
