import type { ComponentProps } from "react";
import { Link } from "react-router";
import { cn } from "./class-names";

type Variant = "primary" | "secondary" | "quiet" | "danger";

const base =
  "inline-flex min-h-12 items-center justify-center gap-2 rounded-control px-5 text-base font-semibold transition-colors";

export const buttonVariants: Record<Variant, string> = {
  primary: cn(base, "bg-primary text-primary-contrast hover:bg-primary/90 active:bg-primary/85"),
  secondary: cn(
    base,
    "border border-border bg-surface-raised text-text hover:bg-surface-sunken active:bg-surface-sunken",
  ),
  quiet: cn(base, "px-3 text-primary hover:bg-primary-soft"),
  /** Destructive confirmations (clear the basket, delete an address). */
  danger: cn(base, "bg-danger text-primary-contrast hover:bg-danger/90 active:bg-danger/85"),
};

export function ButtonLink({
  variant = "primary",
  className,
  ...props
}: ComponentProps<typeof Link> & { variant?: Variant }) {
  return <Link className={cn(buttonVariants[variant], className)} {...props} />;
}

export function Button({
  variant = "primary",
  className,
  type = "button",
  ...props
}: ComponentProps<"button"> & { variant?: Variant }) {
  return <button type={type} className={cn(buttonVariants[variant], className)} {...props} />;
}
