/**
 * Up to two initials of a name for the header's account button: the first and last word's first
 * letter, upper-cased the Turkish way ("ilkay şahin" → "İŞ"); empty for a blank name.
 */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const first = words[0];
  if (!first) return "";
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  const letter = (word: string | undefined) => (word ? (Array.from(word)[0] ?? "") : "");
  return (letter(first) + letter(last)).toLocaleUpperCase("tr");
}
