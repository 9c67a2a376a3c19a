import { useLingui } from "@lingui/react";
import { Link } from "react-router";
import { useEmbedded } from "../bridge/bridge";
import { Icon, type IconProps } from "../components/icon";

function PersonIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <circle cx="12" cy="8" r="3.75" />
      <path d="M4.75 20c.9-3.6 3.8-5.75 7.25-5.75S18.35 16.4 19.25 20" />
    </Icon>
  );
}

/**
 * The standalone shop's account button (who is signed in, log out, log out on all devices).
 * Inside a partner app the host owns sign-in and sign-out, so there is none.
 */
export function AccountLink() {
  const { _ } = useLingui();
  if (useEmbedded()) return null;
  return (
    <Link
      to="/account"
      aria-label={_("header.account")}
      className="grid size-12 place-items-center rounded-full text-text hover:bg-surface-sunken"
    >
      <PersonIcon />
    </Link>
  );
}
