import { Icon, type IconProps } from "../../components/icon";

export function CardIcon(props: IconProps) {
  return (
    <Icon strokeWidth={2} {...props}>
      <rect x="3" y="5.5" width="18" height="13" rx="2" />
      <path d="M3 10h18M7 15h3" />
    </Icon>
  );
}
