import { z } from "zod";

/**
 * Minted lists are Laravel paginators. Only the fields the proxy reads are required; the page
 * URLs (`first_page_url`, `links`, …) are tolerated and never passed on.
 */
export function paginatorSchema<T extends z.ZodType>(item: T) {
  return z.looseObject({
    current_page: z.number().int(),
    data: z.array(item),
    last_page: z.number().int(),
    per_page: z.coerce.number().int(),
    total: z.number().int(),
  });
}
