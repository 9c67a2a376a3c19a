import sanitizeHtml from "sanitize-html";

/**
 * Legal documents arrive from Minted as HTML fragments and are shown inside the shop's page, so
 * they are cut down to a small allow-list first: text structure, lists, tables and plain links.
 * No script, style, iframe, object, form or image; no event handler or style attribute; links
 * only to https: and mailto: (no javascript: or data:).
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    "article",
    "section",
    "header",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "p",
    "br",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "small",
    "span",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "table",
    "caption",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "a",
  ],
  allowedAttributes: {
    "*": ["lang"],
    th: ["scope", "colspan", "rowspan"],
    td: ["colspan", "rowspan"],
    a: ["href", "rel"],
  },
  allowedSchemes: ["https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  // The text of dropped elements such as <script> and <style> goes with them.
  nonTextTags: [
    "script",
    "style",
    "textarea",
    "option",
    "noscript",
    "iframe",
    "object",
    "template",
  ],
  transformTags: {
    a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer" }),
  },
};

export function sanitizeLegalHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}
