import { handle } from "../operations.ts";
import { z } from "zod";
import type { SandboxApp, SandboxContext, SandboxCtx } from "../context.ts";
import { activeBasket } from "../domain/ecom-order.ts";
import { completeFields, completeRules } from "../wire/ecom-input.ts";
import { orderResponse } from "../wire/ecom-order.ts";
import { completeBasket, customerOf, openBasketOf } from "./ecom-steps.ts";
import { customerId, ok, parseInput } from "../http/http.ts";
import { token } from "../domain/random.ts";

/**
 * Embedded Webview rows (§7): the partner's backend gets a customer-bound Bearer token with
 * Digest; the webview then reads the active basket and completes it with that token. (Get
 * Orders with a Bearer token shares its route with the Digest one, in routes/ecom.ts.)
 */
export function registerWebview(app: SandboxApp, ctx: SandboxContext): void {
  const completeSchema = completeFields.superRefine(completeRules(ctx));

  /** The token's customer; app.ts has already answered 401 for a missing or expired token. */
  const tokenCustomer = (c: SandboxCtx) => customerOf(c, ctx, c.get("bearerCustomer") ?? "");

  handle(app, "webviewToken", async (c) => {
    const input = await parseInput(c, z.object({ external_customer_id: customerId() }));
    if (!input.ok) return input.response;
    const customer = customerOf(c, ctx, input.data.external_customer_id);
    if (!customer.ok) return customer.response;
    const value = token(64);
    const ttl = ctx.config.bearerTtl;
    ctx.state.bearerTokens.set(value, {
      token: value,
      customer: customer.value.external_id,
      expiresAt: ctx.clock.now() + ttl * 1000,
    });
    return ok(c, { token: value, expires_in: ttl });
  });

  handle(app, "webviewActiveBasket", (c) => {
    const customer = tokenCustomer(c);
    if (!customer.ok) return customer.response;
    return orderResponse(c, ctx, activeBasket(ctx, customer.value.external_id));
  });

  handle(app, "webviewComplete", async (c) => {
    const input = await parseInput(c, completeSchema);
    if (!input.ok) return input.response;
    const customer = tokenCustomer(c);
    if (!customer.ok) return customer.response;
    const basket = openBasketOf(c, ctx, customer.value.external_id, input.data.cart_token);
    if (!basket.ok) return basket.response;
    return completeBasket(c, ctx, basket.value, input.data);
  });
}
