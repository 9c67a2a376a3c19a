import type { LogFields, Logger } from "../deps.ts";

export interface LogLine {
  level: "debug" | "info" | "warn" | "error";
  msg: string;
  fields: LogFields;
}

/** A logger that keeps its lines, for tests that check what was (and was not) logged. */
export function captureLogger(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const make = (base: LogFields): Logger => {
    const at =
      (level: LogLine["level"]) =>
      (msg: string, fields: LogFields = {}) =>
        lines.push({ level, msg, fields: { ...base, ...fields } });
    return {
      debug: at("debug"),
      info: at("info"),
      warn: at("warn"),
      error: at("error"),
      child: (fields) => make({ ...base, ...fields }),
    };
  };
  return { logger: make({}), lines };
}
