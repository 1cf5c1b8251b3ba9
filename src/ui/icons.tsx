import { Briefcase, CircleHelp, Factory, Scale, Store, User, Users, type LucideIcon } from 'lucide-react';
import type { Label } from '../domain';

export const LABEL_ICON: Record<Label, LucideIcon> = {
  customer: User,
  client: Briefcase,
  partner: Store,
  intermediary: Scale,
  supplier: Factory,
  colleague: Users,
  other: CircleHelp,
};

export function LabelIcon({ label, size = 16 }: { label: Label; size?: number }) {
  const Icon = LABEL_ICON[label];
  return <Icon size={size} aria-hidden="true" strokeWidth={2.2} />;
}
