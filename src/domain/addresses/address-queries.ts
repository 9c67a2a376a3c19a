import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import {
  addressListSchema,
  addressSchema,
  deletedSchema,
  type Address,
  type AddressList,
  type AddressType,
  type CreateAddressBody,
} from "../../../contract/addresses";
import { api } from "../../lib/api";

/** Every saved-address query lives under this key; a change invalidates them all. */
export const addressKeys = {
  all: ["addresses"] as const,
  list: (type?: AddressType) => [...addressKeys.all, "list", type ?? "all"] as const,
};

/** The customer's saved addresses, all or of one type (GET /api/addresses). */
export function addressesQueryOptions(type?: AddressType) {
  return queryOptions({
    queryKey: addressKeys.list(type),
    queryFn: ({ signal }): Promise<AddressList> =>
      api(type ? `/api/addresses?type=${type}` : "/api/addresses", {
        schema: addressListSchema,
        signal,
      }),
    staleTime: 60_000,
  });
}

/**
 * Saves an address (POST /api/addresses) and resolves to the saved one. A refusal is an
 * ApiProblem whose field `errors` use the form's field names.
 */
export function useCreateAddress() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...addressKeys.all, "create"],
    mutationFn: (body: CreateAddressBody): Promise<Address> =>
      api("/api/addresses", { method: "POST", body, schema: addressSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: addressKeys.all }),
  });
}

/** Deletes a saved address (DELETE /api/addresses/:id). */
export function useDeleteAddress() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...addressKeys.all, "delete"],
    mutationFn: (id: number) =>
      api(`/api/addresses/${String(id)}`, { method: "DELETE", schema: deletedSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: addressKeys.all }),
  });
}
