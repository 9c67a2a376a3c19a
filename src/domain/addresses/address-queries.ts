import { queryOptions, useMutation } from "@tanstack/react-query";
import type {
  Address,
  AddressList,
  AddressType,
  CreateAddressBody,
} from "../../../contract/addresses";
import * as addressOps from "../../../contract/api/addresses";
import { api } from "../../lib/api";
import { queryRoots } from "../../lib/query-keys";

/** Every saved-address query lives under this key; a change invalidates them all. */
export const addressKeys = {
  all: queryRoots.addresses,
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
  return useMutation({
    mutationKey: [...addressKeys.all, "create"],
    mutationFn: (body: CreateAddressBody): Promise<Address> =>
      api(addressOps.createAddress, { body }),
    meta: { invalidates: [addressKeys.all] },
  });
}

/** Deletes a saved address (DELETE /api/addresses/:id). */
export function useDeleteAddress() {
  return useMutation({
    mutationKey: [...addressKeys.all, "delete"],
    mutationFn: (id: number) => api(addressOps.deleteAddress, { params: { id: String(id) } }),
    meta: { invalidates: [addressKeys.all] },
  });
}
