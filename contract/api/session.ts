import { embedConfigSchema } from "../bridge.ts";
import {
  currentSessionSchema,
  guestRequestSchema,
  launchRequestSchema,
  logoutAllRequestSchema,
  sessionViewSchema,
} from "../session.ts";
import { defineOperation } from "./operation.ts";

export const startSession = defineOperation({
  method: "post",
  path: "/api/session",
  operationId: "startSession",
  summary:
    "Swap a partner launch token (JWT) for the session cookie; creates the customer from the profile if needed",
  tag: "session",
  auth: "none",
  body: launchRequestSchema,
  response: sessionViewSchema,
  errors: ["unauthenticated", "validation_failed", "upstream_unavailable", "upstream_invalid"],
});

export const startGuestSession = defineOperation({
  method: "post",
  path: "/api/session/guest",
  operationId: "startGuestSession",
  summary: "Start a guest session (kept when one is already running)",
  tag: "session",
  auth: "none",
  body: guestRequestSchema,
  response: sessionViewSchema,
});

export const getSession = defineOperation({
  method: "get",
  path: "/api/session/me",
  operationId: "getSession",
  summary: "The current session (customer name, locale, currency, theme)",
  tag: "session",
  auth: "session",
  response: sessionViewSchema,
  errors: ["unauthenticated"],
});

export const getCurrentSession = defineOperation({
  method: "get",
  path: "/api/session/current",
  operationId: "getCurrentSession",
  summary: "The current session, or null without one (the header's who-is-signed-in; never a 401)",
  tag: "session",
  auth: "none",
  response: currentSessionSchema,
});

export const endSession = defineOperation({
  method: "post",
  path: "/api/session/logout",
  operationId: "endSession",
  summary: "End the session: revoked on every instance, and the cookie cleared",
  tag: "session",
  auth: "none",
});

export const endAllSessions = defineOperation({
  method: "post",
  path: "/api/session/logout-all",
  operationId: "endAllSessions",
  summary: "Log out everywhere: end every session of the customer, on every device (this one too)",
  tag: "session",
  auth: "session",
  body: logoutAllRequestSchema,
  errors: ["unauthenticated"],
});

export const getEmbedConfig = defineOperation({
  method: "get",
  path: "/api/embed/config",
  operationId: "getEmbedConfig",
  summary: "What the shop needs to recognise the partner page framing it (allowed origins)",
  tag: "session",
  auth: "none",
  response: embedConfigSchema,
});
