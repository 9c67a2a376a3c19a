import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  Address,
  AddressList,
  AddressType,
  CreateAddressBody,
} from "../../../contract/addresses";
import * as addressOps from "../../../contract/api/addresses";
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
      api(addressOps.listAddresses, { query: { type }, signal }),
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
      api(addressOps.createAddress, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: addressKeys.all }),
  });
}

/** Deletes a saved address (DELETE /api/addresses/:id). */
export function useDeleteAddress() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...addressKeys.all, "delete"],
    mutationFn: (id: number) => api(addressOps.deleteAddress, { params: { id: String(id) } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: addressKeys.all }),
  });
}
