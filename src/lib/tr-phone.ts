/**
 * A Turkish phone number for reading: `+905321112233` → `+90 532 111 22 33`. Anything that is
 * not +90 (or 0) and ten digits comes back as it was.
 */
export function formatTrPhone(value: string): string {
  const digits = value.replace(/[^\d+]/g, "");
  const national = /^(?:\+90|0090|90|0)?(\d{10})$/.exec(digits)?.[1];
  if (!national) return value;
  return `+90 ${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6, 8)} ${national.slice(8)}`;
}

/**
 * The phone field as the customer types: `+90`, then the national number grouped
 * `5xx xxx xx xx`, whichever usual spelling is typed or pasted (`0532…`, `90532…`, `+90 (532)…`).
 * Digits beyond ten are kept, so the schema, not the mask, says what is wrong.
 */
export function maskTrPhoneInput(input: string): string {
  let digits = input.replace(/\D/g, "");
  if (input.trim().startsWith("+") || digits.startsWith("0090"))
    digits = digits.replace(/^0{0,2}90/, "");
  // A national number never starts with 0 or 9: a trunk 0 or a country code typed without +.
  digits = digits.replace(/^0+/, "");
  if (/^90[1-8]/.test(digits)) digits = digits.slice(2);
  if (digits === "") return "";
  const groups = [digits.slice(0, 3), digits.slice(3, 6), digits.slice(6, 8), digits.slice(8)];
  return `+90 ${groups.filter(Boolean).join(" ")}`;
}

/**
 * A phone input's change, masked as the customer types at the end (an edit in the middle waits
 * for blur, so the caret does not jump).
 */
export function maskTrPhoneWhileTyping(input: HTMLInputElement): void {
  if (input.selectionStart !== input.value.length) return;
  input.value = maskTrPhoneInput(input.value);
  input.setSelectionRange(input.value.length, input.value.length);
}
