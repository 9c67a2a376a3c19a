import { i18n } from "@lingui/core";
import { showToast } from "../../components/toasts";
import { ApiProblem } from "../../lib/api";

/** Words for a failed basket change: the proxy's own detail and field errors, or a fallback. */
export function problemMessage(error: unknown): string | undefined {
  if (!(error instanceof ApiProblem)) return undefined;
  const fields = Object.values(error.errors).flat();
  if (fields.length > 0) return fields.join(" ");
  if (error.code === "network") return i18n._("basket.error.network");
  if (error.code === "upstream_unavailable" || error.status >= 500)
    return i18n._("basket.error.unavailable");
  return error.detail;
}

export function showProblemToast(error: unknown): void {
  showToast("error", i18n._("basket.error.title"), problemMessage(error));
}

/**
 * A change without a clear answer: the basket was read again (`reread`), so what the page shows
 * is what is true; otherwise it will show once the service answers.
 */
export function showUnconfirmedToast(reread: boolean): void {
  showToast(
    "error",
    i18n._("basket.error.unconfirmedTitle"),
    reread ? i18n._("basket.error.unconfirmed") : i18n._("basket.error.unconfirmedUnread"),
  );
}
