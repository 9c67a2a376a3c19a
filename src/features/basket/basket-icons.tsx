import { Icon, type IconProps } from "../../components/icon";

export function MinusIcon(props: IconProps) {
  return (
    <Icon strokeWidth={2} {...props}>
      <path d="M5 12h14" />
    </Icon>
  );
}
