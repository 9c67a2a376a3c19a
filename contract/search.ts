/**
 * Turkish-aware search folding: case folded with the Turkish rules (I → ı, İ → i), then every
 * diacritic dropped and the dotless ı read as i, so "ceyrek" finds "Çeyrek", "külçe" finds
 * "KÜLÇE" and "ALTIN" finds "altın". One function for every comparison of typed text with names.
 */
export function foldForSearch(text: string): string {
  return text
    .toLocaleLowerCase("tr")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/ı/g, "i")
    .replace(/\s+/g, " ")
    .trim();
}

/** The words of a search, folded; an empty or blank search has none. */
export function searchWords(query: string | undefined): string[] {
  const folded = foldForSearch(query ?? "");
  return folded ? folded.split(" ") : [];
}

/** Whether `text` holds every word of the search (in any order); no words match everything. */
export function matchesSearch(text: string, words: readonly string[]): boolean {
  const folded = foldForSearch(text);
  return words.every((word) => folded.includes(word));
}

/** The longest search the shop accepts (a product name is shorter). */
export const SEARCH_MAX_LENGTH = 64;
