/**
 * Page numbers to offer: the first, the last, and the current one with its neighbours; `null`
 * marks a gap. Short lists show every page. `pageWindow(6, 12)` → 1 … 5 6 7 … 12.
 */
export function pageWindow(current: number, total: number): (number | null)[] {
  if (total <= 7) return Array.from({ length: total }, (_unused, index) => index + 1);
  const near = new Set([1, total, current - 1, current, current + 1]);
  // Near an end, show four in a row so the bar keeps its width.
  if (current <= 3) [2, 3, 4].forEach((page) => near.add(page));
  if (current >= total - 2) [total - 3, total - 2, total - 1].forEach((page) => near.add(page));
  const pages = [...near].filter((page) => page >= 1 && page <= total).sort((a, b) => a - b);
  const result: (number | null)[] = [];
  for (const page of pages) {
    const last = result.at(-1);
    // A gap of one page shows that page instead of "…".
    if (typeof last === "number" && page - last === 2) result.push(last + 1);
    else if (typeof last === "number" && page - last > 2) result.push(null);
    result.push(page);
  }
  return result;
}
