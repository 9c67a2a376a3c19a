import { useLingui } from "@lingui/react";
import { Button, ButtonLink } from "../../components/button-link";
import { bridge, useEmbedded } from "../../bridge/bridge";

/**
 * The ways on from a launch that failed or a session that ended: back to the partner app
 * (embedded) and the catalog as a guest.
 */
export function LeaveActions() {
  const { _ } = useLingui();
  const embedded = useEmbedded();
  return (
    <>
      {embedded ? (
        <Button onClick={() => bridge.send("close.requested", {})}>{_("launch.backToApp")}</Button>
      ) : null}
      <ButtonLink to="/" variant={embedded ? "secondary" : "primary"}>
        {_("launch.toCatalog")}
      </ButtonLink>
    </>
  );
}
