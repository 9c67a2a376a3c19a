import { Icon, type IconProps } from "../../components/icon";

export function CrossIcon(props: IconProps) {
  return (
    <Icon strokeWidth={2} {...props}>
      <path d="M7 7l10 10M17 7 7 17" />
    </Icon>
  );
}

export function TruckIcon(props: IconProps) {
  return (
    <Icon strokeWidth={2} {...props}>
      <path d="M3 6.5h11v9H3zM14 9.5h3.5l3 3v3h-6.5" />
      <circle cx="7" cy="17.5" r="1.75" />
      <circle cx="17" cy="17.5" r="1.75" />
    </Icon>
  );
}

export function ExternalIcon(props: IconProps) {
  return (
    <Icon strokeWidth={2} {...props}>
      <path d="M14 4.5h5.5V10M19.5 4.5 11 13" />
      <path d="M18 14v4.5a1.5 1.5 0 0 1-1.5 1.5h-11A1.5 1.5 0 0 1 4 18.5v-11A1.5 1.5 0 0 1 5.5 6H10" />
    </Icon>
  );
}

export function DownloadIcon(props: IconProps) {
  return (
    <Icon strokeWidth={2} {...props}>
      <path d="M12 4v11M7.5 10.5 12 15l4.5-4.5M5 19.5h14" />
    </Icon>
  );
}

export function DocumentIcon(props: IconProps) {
  return (
    <Icon strokeWidth={2} {...props}>
      <path d="M6.5 3.5h7l4 4v13h-11z" />
      <path d="M13.5 3.5v4h4M9 12h6M9 15.5h6" />
    </Icon>
  );
}

export function ChevronRightIcon(props: IconProps) {
  return (
    <Icon strokeWidth={2} {...props}>
      <path d="m9.5 6 6 6-6 6" />
    </Icon>
  );
}
