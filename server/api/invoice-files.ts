import * as ops from "../../contract/api/orders.ts";
import { operationUrl } from "../../contract/api/operation.ts";
import type { Context } from "hono";
import { type FileLink } from "../../contract/files.ts";
import type { AppDeps, AppEnv } from "../deps.ts";
import { openFileLink, sealFileLink, shopUrl } from "../file-links.ts";
import { invoiceFilename, renderInvoicePdf } from "../invoice-pdf.ts";
import { ApiError } from "../problem.ts";
import { customerInvoice } from "./invoice-source.ts";
import { handle, type RouteSpec } from "./registry.ts";

/**
 * The invoice as a PDF: the shop asks for a link (session, ownership checked), then the browser
 * or the partner app opens that link — no cookie needed, so it works when a webview hands it to
 * the system's PDF viewer or download manager.
 */
export function invoiceFileRoutes(deps: AppDeps): RouteSpec[] {
  const ownInvoice = (c: Context<AppEnv>, customer: string, code: string) =>
    customerInvoice(deps, customer, code, c.var.lang);

  return [
    handle(ops.getOrderInvoicePdfLink, {
      handler: async ({ c, params, customer }): Promise<FileLink> => {
        // The invoice is read first: no link for an order that is not the customer's.
        await ownInvoice(c, customer, params.code);
        const lang = c.var.lang;
        // The code the customer opened (Minted's `order_code` on the invoice may differ).
        const { token, expiresAt } = await sealFileLink(
          { kind: "invoice", customer, code: params.code, lang },
          deps.env.SESSION_SECRET,
          deps.now(),
        );
        const filename = invoiceFilename(params.code, lang);
        c.header("cache-control", "no-store");
        return {
          url: shopUrl(
            deps.env,
            operationUrl(ops.downloadInvoicePdf, { params: { token, filename } }),
          ),
          filename,
          mime: "application/pdf",
          expiresAt: expiresAt.toISOString(),
        };
      },
    }),
    handle(ops.downloadInvoicePdf, {
      handler: async ({ c, params }) => {
        const claims = await openFileLink(params.token, deps.env.SESSION_SECRET, deps.now());
        // Expired, altered and foreign links look alike.
        if (claims?.kind !== "invoice") throw new ApiError("not_found");
        const invoice = await ownInvoice(c, claims.customer, claims.code);
        const pdf = await renderInvoicePdf(invoice, claims.lang);
        const filename = invoiceFilename(claims.code, claims.lang);
        return new Response(new Uint8Array(pdf), {
          headers: {
            "content-type": "application/pdf",
            "content-length": String(pdf.length),
            "content-disposition": `attachment; filename="${filename}"`,
            "cache-control": "private, no-store",
            "x-content-type-options": "nosniff",
          },
        });
      },
    }),
  ];
}
