import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { z } from "zod";
import type { SandboxApp, SandboxContext } from "../context.ts";
import {
  PAYMENT_TIMEOUT_CODE,
  confirmPayment,
  failPayment,
  syncBasket,
} from "../domain/ecom-order.ts";
import { langOf, t, type Lang } from "../http/http.ts";
import { fullName, type CardDetails, type EcomBasket, type PaymentState } from "../domain/state.ts";

/**
 * The bank's 3-D Secure page and its callbacks (minted-api.md Part 2 §0.1): no auth, since the
 * customer's browser opens `payment.redirect_url`. Approve → `/pay/{token}/callback/success`,
 * decline → `/pay/{token}/callback/fail?reason=…&code=…`; both end in a 302 to the order's
 * `return_url` with `status=success` or `status=fail&code=…`. Callbacks are idempotent.
 * The page itself, opened again once the payment is decided (the customer pressed Back from
 * the shop's receipt), sends the browser back to the shop the same way instead of showing a
 * payment form for a finished transaction; a page that expired unanswered says so (410).
 */

const CARD = {
  masked: "4508 03** **** 4321",
  number: "450803******4321",
  expiry: "12/29",
  association: "Visa",
};
const DECLINE = { reason: "Yetersiz bakiye", code: "051" };

/** `?lang=tr|en` wins over Accept-Language (a browser page can switch language by link). */
export function pageLang(c: Context): Lang {
  const q = c.req.query("lang");
  return q === "en" || q === "tr" ? q : langOf(c);
}

interface Found {
  basket: EcomBasket;
  payment: PaymentState;
}

/** The order a payment token belongs to, brought up to the clock (an expired page fails). */
function paymentOf(ctx: SandboxContext, paymentToken: string): Found | null {
  const ref = ctx.state.payments.get(paymentToken);
  const basket = ref && ctx.state.ecomBaskets.get(ref.basketToken);
  if (!basket) return null;
  if (basket.stage === "order") syncBasket(ctx, basket);
  const payment = basket.payment;
  return payment?.token === paymentToken ? { basket, payment } : null;
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const STYLE = `
:root{color-scheme:light dark;--bg:#eef1f5;--card:#fff;--ink:#14202e;--muted:#586879;--line:#d5dde6;--brand:#0b4f8a;--on-brand:#fff;--soft:#eaf2fb;--danger:#b42318}
@media (prefers-color-scheme:dark){:root{--bg:#0d141c;--card:#16202b;--ink:#e7edf4;--muted:#a3b3c4;--line:#2b3948;--brand:#5aa6ea;--on-brand:#07121d;--soft:#1c2b3a;--danger:#ff8f85}}
*{box-sizing:border-box}
body{margin:0;min-height:100vh;display:flex;justify-content:center;align-items:flex-start;padding:max(16px,env(safe-area-inset-top)) 16px 24px;background:var(--bg);color:var(--ink);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{width:100%;max-width:420px;margin-top:4vh;background:var(--card);border:1px solid var(--line);border-radius:16px;box-shadow:0 10px 30px rgba(13,20,28,.08);overflow:hidden}
.bank{display:flex;align-items:center;justify-content:space-between;gap:12px;padding:14px 20px;background:var(--brand);color:var(--on-brand)}
.bank strong{font-size:1.05rem;letter-spacing:.02em}
.badge{display:inline-flex;align-items:center;gap:6px;padding:4px 10px;border-radius:999px;background:rgba(255,255,255,.2);font-size:.8rem;font-weight:700}
.badge svg{width:14px;height:14px}
.content{padding:20px}
h1{margin:0 0 4px;font-size:1.25rem;line-height:1.3}
.lead{margin:0 0 16px;color:var(--muted);font-size:.95rem}
dl{display:grid;grid-template-columns:auto 1fr;gap:6px 16px;margin:0 0 20px;padding:12px 16px;border-radius:12px;background:var(--soft)}
dt{color:var(--muted);font-size:.9rem}
dd{margin:0;text-align:right;font-weight:600;font-variant-numeric:tabular-nums;overflow-wrap:anywhere}
dd.amount{font-size:1.2rem}
label{display:block;margin-bottom:6px;font-weight:700}
input{width:100%;min-height:52px;padding:10px 14px;border:1.5px solid var(--line);border-radius:10px;background:transparent;color:inherit;font:inherit;font-size:1.4rem;letter-spacing:.35em;text-align:center;font-variant-numeric:tabular-nums}
input[aria-invalid=true]{border-color:var(--danger)}
input:focus-visible,button:focus-visible,a:focus-visible{outline:3px solid var(--brand);outline-offset:2px}
.hint{margin:6px 0 0;color:var(--muted);font-size:.85rem}
.error{margin:8px 0 0;color:var(--danger);font-weight:700;font-size:.9rem}
button{width:100%;min-height:48px;margin-top:12px;border-radius:10px;font:inherit;font-weight:700;cursor:pointer}
.approve{border:0;background:var(--brand);color:var(--on-brand)}
.decline{border:1.5px solid var(--line);background:transparent;color:var(--danger)}
footer{display:flex;justify-content:space-between;gap:12px;padding:12px 20px;border-top:1px solid var(--line);color:var(--muted);font-size:.8rem}
footer a{color:inherit;display:inline-block;min-height:24px}
`;

const LOCK =
  '<svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2.2">' +
  '<rect x="5" y="11" width="14" height="10" rx="2"/><path d="M8 11V7a4 4 0 0 1 8 0v4"/></svg>';

/** The page frame; `page` (the payment page's path) adds a link to the other language. */
function shell(lang: Lang, title: string, body: string, page: string | null): string {
  const other: Lang = lang === "tr" ? "en" : "tr";
  const switcher = page
    ? `<a href="${esc(page)}?lang=${other}" lang="${other}">${other === "en" ? "English" : "Türkçe"}</a>`
    : "";
  return (
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">` +
    `<meta name="robots" content="noindex, nofollow"><title>${esc(title)} · Minted</title>` +
    `<style>${STYLE}</style></head><body><main>` +
    `<header class="bank"><strong>Sandbox Bank</strong><span class="badge">${LOCK}3-D Secure</span></header>` +
    `<div class="content">${body}</div>` +
    `<footer><span>${esc(t(lang, "Minted Connect sandbox · test ödemesi", "Minted Connect sandbox · test payment"))}</span>` +
    `${switcher}</footer>` +
    `</main></body></html>`
  );
}

function send(
  c: Context,
  status: ContentfulStatusCode,
  html: string,
  returnUrl: string | null = null,
): Response {
  const target = returnUrl ? ` ${new URL(returnUrl).origin}` : "";
  // The approve / decline forms post to 'self', which redirects to the shop: browsers apply
  // form-action to that redirect too, so the shop's origin is allowed as well.
  c.header(
    "Content-Security-Policy",
    `default-src 'none'; style-src 'unsafe-inline'; form-action 'self'${target}; frame-ancestors 'none'`,
  );
  c.header("Cache-Control", "no-store");
  c.header("Referrer-Policy", "no-referrer");
  c.header("X-Content-Type-Options", "nosniff");
  return c.html(html, status);
}

type NoticeKind = "unknown" | "used" | "bad" | "success" | "failed";

const NOTICES: Record<NoticeKind, { tr: [string, string]; en: [string, string] }> = {
  unknown: {
    tr: [
      "Ödeme sayfası bulunamadı",
      "Bu bağlantı geçersiz. Alışverişe dönüp ödemeyi yeniden başlatın.",
    ],
    en: [
      "Payment page not found",
      "This link is not valid. Go back to the shop and start the payment again.",
    ],
  },
  used: {
    tr: [
      "Bu ödeme sayfası artık geçerli değil",
      "Ödeme tamamlanmış, reddedilmiş ya da 15 dakikalık doğrulama süresi dolmuş. Alışverişe dönüp siparişinizi kontrol edin.",
    ],
    en: [
      "This payment page is no longer valid",
      "The payment was completed or declined, or the 15-minute verification time ran out. Go back to the shop to check your order.",
    ],
  },
  bad: {
    tr: [
      "Geçersiz istek",
      "Bankadan gelen yanıt okunamadı. Alışverişe dönüp siparişinizi kontrol edin.",
    ],
    en: [
      "Invalid request",
      "The bank's answer could not be read. Go back to the shop to check your order.",
    ],
  },
  success: {
    tr: ["Ödeme onaylandı", "Bu pencereyi kapatıp alışverişe dönebilirsiniz."],
    en: ["Payment approved", "You can close this window and return to the shop."],
  },
  failed: {
    tr: [
      "Ödeme reddedildi",
      "Kartınızdan tutar çekilmedi. Alışverişe dönüp yeniden deneyebilirsiniz.",
    ],
    en: ["Payment declined", "Your card was not charged. Go back to the shop to try again."],
  },
};

function notice(c: Context, status: ContentfulStatusCode, lang: Lang, kind: NoticeKind): Response {
  const [title, text] = NOTICES[kind][lang];
  const body = `<h1>${esc(title)}</h1><p class="lead">${esc(text)}</p>`;
  return send(c, status, shell(lang, title, body, null));
}

function payPage(
  c: Context,
  ctx: SandboxContext,
  found: Found,
  lang: Lang,
  error: string | null = null,
): Response {
  const { basket, payment } = found;
  const base = `/pay/${payment.token}`;
  const l = (tr: string, en: string) => t(lang, tr, en);
  const amount = new Intl.NumberFormat("tr-TR", { style: "currency", currency: "TRY" }).format(
    payment.total,
  );
  const now = new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "tr-TR", {
    dateStyle: "short",
    timeStyle: "short",
    timeZone: "Europe/Istanbul",
  }).format(ctx.clock.now());
  const rows: [string, string, string][] = [
    [l("İşyeri", "Merchant"), "Minted", ""],
    [l("Tutar", "Amount"), amount, ' class="amount"'],
    [l("Kart", "Card"), CARD.masked, ""],
    [l("Tarih", "Date"), now, ""],
    [l("Sipariş no", "Order no."), basket.increment_id, ""],
  ];
  const describedBy = error ? "code-hint code-error" : "code-hint";
  const body =
    `<h1>${esc(l("Ödemeyi onaylayın", "Confirm your payment"))}</h1>` +
    `<p class="lead">${esc(l("Telefonunuza SMS ile gönderilen tek kullanımlık doğrulama kodunu girin.", "Enter the one-time verification code sent to your phone by SMS."))}</p>` +
    `<dl>${rows.map(([k, v, cls]) => `<dt>${esc(k)}</dt><dd${cls}>${esc(v)}</dd>`).join("")}</dl>` +
    `<form method="get" action="${base}/callback/success">` +
    `<input type="hidden" name="lang" value="${lang}">` +
    `<label for="code">${esc(l("SMS doğrulama kodu", "SMS verification code"))}</label>` +
    `<input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required aria-describedby="${describedBy}"${error ? ' aria-invalid="true"' : ""}>` +
    `<p id="code-hint" class="hint">${esc(l("Sandbox: herhangi 6 rakam", "Sandbox: any 6 digits"))}</p>` +
    (error ? `<p id="code-error" class="error" role="alert">${esc(error)}</p>` : "") +
    `<button type="submit" class="approve">${esc(l("Onayla", "Approve"))}</button></form>` +
    `<form method="get" action="${base}/callback/fail">` +
    `<input type="hidden" name="reason" value="${esc(DECLINE.reason)}">` +
    `<input type="hidden" name="code" value="${DECLINE.code}">` +
    `<button type="submit" class="decline">${esc(l("Reddet", "Decline"))}</button></form>`;
  const page = shell(lang, l("3-D Secure doğrulama", "3-D Secure verification"), body, base);
  return send(c, error ? 422 : 200, page, payment.returnUrl);
}

/** `return_url` plus `status` (and `code`), keeping its own query and fragment. */
function withQuery(url: string, params: Record<string, string>): string {
  const hash = url.indexOf("#");
  const [base, fragment] = hash < 0 ? [url, ""] : [url.slice(0, hash), url.slice(hash)];
  return `${base}${base.includes("?") ? "&" : "?"}${new URLSearchParams(params).toString()}${fragment}`;
}

/** Approved or declined by the customer on this page (not left to expire). */
function decided(payment: PaymentState): boolean {
  return (
    payment.state === "success" ||
    (payment.state === "failed" && payment.errorCode !== PAYMENT_TIMEOUT_CODE)
  );
}

/** Back to the shop with the payment's outcome. */
function backToShop(c: Context, payment: PaymentState, lang: Lang): Response {
  const success = payment.state === "success";
  if (!payment.returnUrl) return notice(c, 200, lang, success ? "success" : "failed");
  const params: Record<string, string> = success
    ? { status: "success" }
    : { status: "fail", code: payment.errorCode ?? "" };
  c.header("Cache-Control", "no-store");
  return c.redirect(withQuery(payment.returnUrl, params), 302);
}

function cardDetails(ctx: SandboxContext, b: EcomBasket): CardDetails {
  const customer = ctx.state.customers.get(b.customer);
  return {
    card_holder: (customer ? fullName(customer) : "Minted Customer").toLocaleUpperCase("tr-TR"),
    card_number: CARD.number,
    card_expiry: CARD.expiry,
    card_association: CARD.association,
  };
}

const successQuery = z.object({ code: z.string().regex(/^\d{6}$/) });
const failQuery = z.object({
  code: z.string().regex(/^\d{1,10}$/),
  reason: z.string().trim().min(1).max(200),
});

export function registerPay(app: SandboxApp, ctx: SandboxContext): void {
  app.get("/pay/:token", (c) => {
    const lang = pageLang(c);
    const found = paymentOf(ctx, c.req.param("token"));
    if (!found) return notice(c, 404, lang, "unknown");
    if (found.payment.state === "new") return payPage(c, ctx, found, lang);
    if (decided(found.payment)) return backToShop(c, found.payment, lang);
    return notice(c, 410, lang, "used");
  });

  app.get("/pay/:token/callback/success", (c) => {
    const lang = pageLang(c);
    const found = paymentOf(ctx, c.req.param("token"));
    if (!found) return notice(c, 404, lang, "unknown");
    if (found.payment.state === "new") {
      if (!successQuery.safeParse(c.req.query()).success)
        return payPage(
          c,
          ctx,
          found,
          lang,
          t(lang, "Doğrulama kodu 6 rakam olmalıdır.", "The verification code must be 6 digits."),
        );
      confirmPayment(ctx, found.basket, cardDetails(ctx, found.basket));
    }
    return backToShop(c, found.payment, lang);
  });

  app.get("/pay/:token/callback/fail", (c) => {
    const lang = pageLang(c);
    const found = paymentOf(ctx, c.req.param("token"));
    if (!found) return notice(c, 404, lang, "unknown");
    if (found.payment.state === "new") {
      const query = failQuery.safeParse(c.req.query());
      if (!query.success) return notice(c, 400, lang, "bad");
      failPayment(ctx, found.basket, query.data.code, query.data.reason);
    }
    return backToShop(c, found.payment, lang);
  });
}
