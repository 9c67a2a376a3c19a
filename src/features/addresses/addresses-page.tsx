import { useLingui } from "@lingui/react";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useLocation, useNavigate, useSearchParams } from "react-router";
import type { Address, AddressType } from "../../../contract/addresses";
import { Button, ButtonLink } from "../../components/button-link";
import { cn } from "../../components/class-names";
import { EmptyState } from "../../components/empty-state";
import { AlertIcon, ChevronLeftIcon, LockIcon, MapPinIcon } from "../../components/icons";
import { PageHeader } from "../../components/page-header";
import { Skeleton } from "../../components/skeleton";
import { showToast } from "../../components/toasts";
import { ApiProblem } from "../../lib/api";
import { PlusIcon, TrashIcon } from "../../components/action-icons";
import { AddressForm } from "./address-form";
import { DeleteDialog } from "./delete-address-dialog";
import {
  addressesQueryOptions,
  useCreateAddress,
  useDeleteAddress,
} from "../../domain/addresses/address-queries";
import { AddressSummary } from "../../domain/addresses/address-summary";

/** The search parameter that opens the form (`?new=shipping`), so a reload keeps it open. */
const NEW_PARAM = "new";
const FORM_ID = "addresses-new";
const GROUPS = ["shipping", "billing"] as const satisfies readonly AddressType[];

function groupTitleId(type: AddressType): string {
  return `addresses-${type}-title`;
}

/** "Ayşe Yılmaz, Kadıköy / İstanbul": tells one card's delete button from another's. */
function addressName(address: Address): string {
  const who = address.fullName ?? address.companyName ?? "";
  return [who, `${address.county} / ${address.city}`].filter(Boolean).join(", ");
}

function AddressCard({
  address,
  deleting,
  onDelete,
}: {
  address: Address;
  deleting: boolean;
  onDelete: () => void;
}) {
  const { _ } = useLingui();
  return (
    <li
      aria-busy={deleting}
      className={cn(
        "flex gap-2 rounded-card border border-border bg-surface-raised p-4 shadow-card transition-opacity",
        deleting && "opacity-50",
      )}
    >
      <AddressSummary address={address} className="min-w-0 flex-1" />
      <button
        type="button"
        onClick={onDelete}
        disabled={deleting}
        aria-label={_("addresses.page.delete", { name: addressName(address) })}
        className="-mt-2 -mr-2 grid size-12 shrink-0 place-items-center rounded-control text-text-muted hover:bg-surface-sunken hover:text-danger"
      >
        <TrashIcon />
      </button>
    </li>
  );
}

function AddressGroup({
  type,
  addresses,
  deletingId,
  onDelete,
  onAdd,
}: {
  type: AddressType;
  addresses: readonly Address[];
  deletingId: number | null;
  onDelete: (address: Address) => void;
  onAdd: () => void;
}) {
  const { _ } = useLingui();
  const shipping = type === "shipping";
  return (
    <section aria-labelledby={groupTitleId(type)} className="flex flex-col gap-3">
      <h2
        id={groupTitleId(type)}
        tabIndex={-1}
        className="text-lg font-semibold text-text outline-none"
      >
        {shipping ? _("addresses.page.shipping") : _("addresses.page.billing")}
      </h2>
      {addresses.length > 0 ? (
        <ul className="grid gap-3 md:grid-cols-2">
          {addresses.map((address) => (
            <AddressCard
              key={address.id}
              address={address}
              deleting={deletingId === address.id}
              onDelete={() => onDelete(address)}
            />
          ))}
        </ul>
      ) : (
        <p className="rounded-card border border-dashed border-border-strong p-4 text-sm text-text-muted">
          {shipping ? _("addresses.page.noShipping") : _("addresses.page.noBilling")}
        </p>
      )}
      <Button variant="secondary" onClick={onAdd} className="self-start">
        <PlusIcon />
        {shipping ? _("addresses.page.addShipping") : _("addresses.page.addBilling")}
      </Button>
    </section>
  );
}

function ListSkeleton() {
  const { _ } = useLingui();
  return (
    <div role="status" aria-label={_("addresses.page.loading")} className="flex flex-col gap-8">
      {GROUPS.map((type) => (
        <div key={type} className="flex flex-col gap-3">
          <Skeleton className="h-6 w-48 rounded" />
          <div className="grid gap-3 md:grid-cols-2">
            <div className="space-y-2 rounded-card border border-border bg-surface-raised p-4">
              <Skeleton className="h-5 w-1/2 rounded" />
              <Skeleton className="h-4 w-5/6 rounded" />
              <Skeleton className="h-4 w-2/3 rounded" />
              <Skeleton className="h-4 w-1/3 rounded" />
            </div>
          </div>
        </div>
      ))}
    </div>
  );
}

function AddressList({ onAdd }: { onAdd: (type: AddressType) => void }) {
  const { _ } = useLingui();
  const list = useQuery(addressesQueryOptions());
  const remove = useDeleteAddress();
  const [confirming, setConfirming] = useState<Address | null>(null);

  function confirmDelete(address: Address): void {
    setConfirming(null);
    remove.mutate(address.id, {
      onSuccess: () => {
        showToast("success", _("addresses.page.deleted"));
        document.getElementById(groupTitleId(address.type))?.focus();
      },
      onError: (error) => {
        showToast(
          "error",
          _("addresses.page.deleteFailed"),
          error instanceof ApiProblem && error.code === "network"
            ? _("addresses.form.error.network")
            : error instanceof ApiProblem
              ? error.detail
              : undefined,
        );
      },
    });
  }

  if (list.isError && list.error instanceof ApiProblem && list.error.status === 401)
    return (
      <EmptyState
        icon={<LockIcon />}
        title={_("addresses.guest.title")}
        body={_("addresses.guest.body")}
        actions={<ButtonLink to="/">{_("basket.empty.browse")}</ButtonLink>}
      />
    );
  if (list.isError && !list.data)
    return (
      <EmptyState
        icon={<AlertIcon />}
        title={_("addresses.page.errorTitle")}
        body={_("addresses.page.errorBody")}
        actions={
          <Button onClick={() => void list.refetch()} disabled={list.isFetching}>
            {_("error.retry")}
          </Button>
        }
      />
    );
  if (!list.data) return <ListSkeleton />;

  const addresses = list.data.addresses;
  if (addresses.length === 0)
    return (
      <EmptyState
        icon={<MapPinIcon />}
        title={_("addresses.empty.title")}
        body={_("addresses.empty.body")}
        actions={
          <Button onClick={() => onAdd("shipping")}>
            <PlusIcon />
            {_("addresses.page.add")}
          </Button>
        }
      />
    );

  const deletingId = remove.isPending ? remove.variables : null;
  return (
    <div className="flex flex-col gap-8">
      {GROUPS.map((type) => (
        <AddressGroup
          key={type}
          type={type}
          addresses={addresses.filter((a) => a.type === type)}
          deletingId={deletingId}
          onDelete={setConfirming}
          onAdd={() => onAdd(type)}
        />
      ))}
      <DeleteDialog
        address={confirming}
        onCancel={() => setConfirming(null)}
        onConfirm={confirmDelete}
      />
    </div>
  );
}

function NewAddress({
  type,
  onTypeChange,
  onClose,
}: {
  type: AddressType;
  onTypeChange: (type: AddressType) => void;
  onClose: () => void;
}) {
  const { _ } = useLingui();
  const create = useCreateAddress();
  return (
    <div className="max-w-2xl rounded-card border border-border bg-surface-raised p-4 shadow-card md:p-6">
      <fieldset className="mb-6">
        <legend className="mb-1.5 text-sm font-medium text-text">{_("addresses.page.type")}</legend>
        <div className="grid grid-cols-2 gap-2">
          {GROUPS.map((option) => (
            <label
              key={option}
              className="flex min-h-12 cursor-pointer items-center gap-3 rounded-control border border-border-strong bg-surface-raised px-3.5 text-base text-text transition-colors has-checked:border-primary has-checked:bg-primary-soft has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-primary"
            >
              <input
                type="radio"
                name="address-type"
                value={option}
                checked={type === option}
                onChange={() => onTypeChange(option)}
                className="size-5 accent-primary"
              />
              {option === "shipping"
                ? _("addresses.page.typeShipping")
                : _("addresses.page.typeBilling")}
            </label>
          ))}
        </div>
      </fieldset>
      <AddressForm
        formId={FORM_ID}
        submitLabel={_("addresses.page.save")}
        onCancel={onClose}
        onSubmit={async (value) => {
          await create.mutateAsync({ type, ...value });
          showToast("success", _("addresses.page.saved"));
          onClose();
        }}
      />
    </div>
  );
}

/** Opened from the list (a history entry of ours), Back closes the form; otherwise replace. */
function openedFromList(state: unknown): boolean {
  return typeof state === "object" && state !== null && "fromList" in state && !!state.fromList;
}

/** The customer's saved shipping and billing addresses: list, add, delete. */
export function AddressesPage() {
  const { _ } = useLingui();
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const adding = params.get(NEW_PARAM);
  const type: AddressType | null =
    adding === null ? null : adding === "billing" ? "billing" : "shipping";

  // Switching between list and form is not a route change: move focus to the new heading.
  const container = useRef<HTMLDivElement>(null);
  const view = useRef(type === null);
  useEffect(() => {
    if (view.current === (type === null)) return;
    view.current = type === null;
    window.scrollTo({ top: 0 });
    container.current?.querySelector("h1")?.focus({ preventScroll: true });
  }, [type]);

  function open(next: AddressType): void {
    void navigate({ search: `?${NEW_PARAM}=${next}` }, { state: { fromList: true } });
  }
  function close(): void {
    if (openedFromList(location.state)) void navigate(-1);
    else setParams({}, { replace: true });
  }

  return (
    <div ref={container}>
      {type === null ? (
        <>
          <PageHeader title={_("addresses.title")} description={_("addresses.page.intro")} />
          <AddressList onAdd={open} />
        </>
      ) : (
        <>
          <PageHeader
            title={_("addresses.page.addTitle")}
            before={
              <button
                type="button"
                onClick={close}
                className="mb-2 -ml-3 inline-flex min-h-12 items-center gap-1 rounded-control pr-3 pl-1 font-medium text-primary hover:bg-primary-soft"
              >
                <ChevronLeftIcon className="size-5" />
                {_("addresses.title")}
              </button>
            }
          />
          <NewAddress
            type={type}
            onTypeChange={(next) =>
              setParams(
                { [NEW_PARAM]: next },
                { replace: true, state: { fromList: openedFromList(location.state) } },
              )
            }
            onClose={close}
          />
        </>
      )}
    </div>
  );
}
