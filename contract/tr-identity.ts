/**
 * Turkish identity numbers: TCKN (citizens, 11 digits) and VKN (tax numbers, 10 digits).
 * The checksum rules are public (Nüfus ve Vatandaşlık İşleri, Gelir İdaresi) and are used by
 * the shop's forms, the proxy and the sandbox alike.
 */

export function isValidTckn(value: string): boolean {
  if (!/^[1-9]\d{10}$/.test(value)) return false;
  const d = Array.from(value, Number);
  const at = (i: number) => d[i] ?? 0;
  const odd = at(0) + at(2) + at(4) + at(6) + at(8);
  const even = at(1) + at(3) + at(5) + at(7);
  const d10 = (((odd * 7 - even) % 10) + 10) % 10;
  if (d10 !== at(9)) return false;
  const d11 = d.slice(0, 10).reduce((sum, n) => sum + n, 0) % 10;
  return d11 === at(10);
}

export function isValidVkn(value: string): boolean {
  if (!/^\d{10}$/.test(value)) return false;
  const d = Array.from(value, Number);
  let sum = 0;
  for (let i = 1; i <= 9; i++) {
    const t = ((d[i - 1] ?? 0) + 10 - i) % 10;
    if (t === 0) continue;
    const term = (t * 2 ** (10 - i)) % 9;
    sum += term === 0 ? 9 : term;
  }
  return (10 - (sum % 10)) % 10 === d[9];
}
