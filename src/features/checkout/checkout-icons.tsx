import { cn } from "../../components/class-names";
import { Icon, type IconProps } from "../../components/icon";

export function CardIcon(props: IconProps) {
  return (
    <Icon strokeWidth={2} {...props}>
      <rect x="3" y="5.5" width="18" height="13" rx="2" />
      <path d="M3 10h18M7 15h3" />
    </Icon>
  );
}

export function SpinnerIcon({ className, ...props }: IconProps) {
  return (
    <Icon {...props} className={cn("size-5 animate-spin motion-reduce:animate-none", className)}>
      <path d="M12 3.5a8.5 8.5 0 1 1-8.5 8.5" />
    </Icon>
  );
}
