import type { Context, Hono } from "hono";
import { z } from "zod";
import type { Operation, OperationAnswer } from "../../contract/api/operation.ts";
import type { AppDeps, AppEnv, Session } from "../deps.ts";
import { ApiError, langOf } from "../problem.ts";
import { fieldErrors } from "../validation.ts";

type Schema = z.core.$ZodType;

type Out<S> = Exclude<S, undefined> extends Schema ? z.output<Exclude<S, undefined>> : undefined;

/** What a handler of `O` receives: the input already validated against the operation's schemas. */
export interface HandlerInput<O extends Operation> {
  c: Context<AppEnv>;
  deps: AppDeps;
  params: Out<O["params"]>;
  query: Out<O["query"]>;
  body: Out<O["body"]>;
  session: Session | null;
  /** The session's customer; present when `auth` is `customer`. */
  customer: string;
}

/**
 * One operation of the contract (contract/api/) with its handler. The operation registers the
 * Hono route (validating params, query and body before the handler runs, so bad input never
 * reaches upstream); /api/openapi.json is made from the contract's table itself.
 */
export interface RouteSpec {
  operation: Operation;
  handler: (input: HandlerInput<Operation>) => Promise<unknown>;
}

/** The handler of an operation, typed from its schemas (the answer is the response's input). */
export function handle<O extends Operation>(
  operation: O,
  { handler }: { handler: (input: HandlerInput<O>) => Promise<OperationAnswer<O> | Response> },
): RouteSpec {
  return { operation, handler };
}

function parse(
  schema: Schema | undefined,
  input: unknown,
  where: "params" | "query" | "body",
  c: Context,
) {
  if (!schema) return undefined;
  const result = z.safeParse(schema, input, { reportInput: true });
  if (result.success) return result.data;
  throw new ApiError("validation_failed", {
    status: where === "body" ? 422 : 400,
    errors: fieldErrors(result.error.issues, langOf(c), where === "body" ? "" : where),
  });
}

async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError("validation_failed", {
      status: 400,
      detail: {
        tr: "İstek gövdesi geçerli JSON değil.",
        en: "The request body is not valid JSON.",
      },
    });
  }
}

/** Query strings arrive as strings; repeated keys become arrays. */
function queryObject(c: Context): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, values] of Object.entries(c.req.queries())) {
    if (key === "__proto__" || key === "constructor" || key === "prototype") continue;
    out[key] = values.length === 1 ? (values[0] ?? "") : values;
  }
  return out;
}

/**
 * Registers each handler's route; every operation of `table` must have exactly one handler (an
 * operation the contract promises but the proxy does not serve is a startup error, not a 404).
 */
export function registerRoutes(
  app: Hono<AppEnv>,
  deps: AppDeps,
  routes: readonly RouteSpec[],
  table: readonly Operation[],
): void {
  const handled = new Map(routes.map((r) => [r.operation, r]));
  if (handled.size !== routes.length) throw new Error("an operation has more than one handler");
  const missing = table.filter((operation) => !handled.has(operation));
  const extra = routes.filter((r) => !table.includes(r.operation));
  if (missing.length > 0 || extra.length > 0)
    throw new Error(
      `operations without a handler: ${missing.map((o) => o.operationId).join(", ") || "none"}; handlers outside the table: ${extra.map((r) => r.operation.operationId).join(", ") || "none"}`,
    );
  for (const { operation: spec, handler } of routes) {
    app.on(spec.method.toUpperCase(), spec.path, async (c) => {
      const session = c.get("session");
      if (spec.auth !== "none" && !session) throw new ApiError("unauthenticated");
      if (spec.auth === "customer" && !session?.customer) throw new ApiError("unauthenticated");
      const params = parse(spec.params, c.req.param(), "params", c);
      const query = parse(spec.query, queryObject(c), "query", c);
      const body = spec.body ? parse(spec.body, await readJson(c), "body", c) : undefined;
      const result = await handler({
        c,
        deps,
        params,
        query,
        body,
        session,
        customer: session?.customer ?? "",
      });
      if (result instanceof Response) return result;
      c.header("Cache-Control", "no-store");
      return c.json(result as object, spec.status ?? 200);
    });
  }
}

// ------------------------------------------------------------------ OpenAPI 3.1

function jsonSchema(schema: Schema, io: "input" | "output") {
  const out = z.toJSONSchema(schema, {
    io,
    unrepresentable: "any",
    target: "draft-2020-12",
  }) as Record<string, unknown>;
  delete out.$schema;
  return out;
}

function parameters(schema: Schema | undefined, where: "path" | "query") {
  if (!schema) return [];
  const js = jsonSchema(schema, "input") as {
    properties?: Record<string, unknown>;
    required?: string[];
  };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === "path" || (js.required ?? []).includes(name),
    schema: s,
  }));
}

export function openApiDocument(
  specs: readonly Operation[],
  info: { title: string; version: string },
) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of specs) {
    const path = spec.path.replace(/:(\w+)/g, "{$1}");
    const headers = (spec.headers ?? []).map((h) => ({
      name: h.name,
      in: "header",
      required: h.required,
      description: h.description,
      schema: { type: "string" },
    }));
    (paths[path] ??= {})[spec.method] = {
      operationId: spec.operationId,
      summary: spec.summary,
      tags: [spec.tag],
      ...(spec.auth === "none" ? { security: [] } : {}),
      parameters: [
        ...parameters(spec.params, "path"),
        ...parameters(spec.query, "query"),
        ...headers,
      ],
      ...(spec.body
        ? {
            requestBody: {
              required: true,
              content: { "application/json": { schema: jsonSchema(spec.body, "input") } },
            },
          }
        : {}),
      responses: {
        [String(spec.status ?? 200)]: spec.response
          ? {
              description: "OK",
              content: { "application/json": { schema: jsonSchema(spec.response, "output") } },
            }
          : { description: "OK" },
        default: {
          description: `Problem (${(spec.errors ?? ["validation_failed", "upstream_unavailable"]).join(", ")})`,
          content: {
            "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } },
          },
        },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info,
    paths,
    components: {
      securitySchemes: { session: { type: "apiKey", in: "cookie", name: "__Host-minted_session" } },
      schemas: {
        Problem: {
          type: "object",
          required: ["type", "title", "status", "code", "detail"],
          properties: {
            type: { type: "string" },
            title: { type: "string" },
            status: { type: "integer" },
            code: { type: "string" },
            detail: { type: "string" },
            instance: { type: "string" },
            errors: {
              type: "object",
              additionalProperties: { type: "array", items: { type: "string" } },
            },
          },
        },
      },
    },
    security: [{ session: [] }],
  };
}
