import { CircleAlert, Info, TriangleAlert } from 'lucide-react';
import type { Severity } from '../domain';

export const SEVERITY_INFO: Record<Severity, { title: string; group: string }> = {
  error: { title: 'Error', group: 'Needs attention' },
  warning: { title: 'Warning', group: 'Worth a second look' },
  info: { title: 'Note', group: 'Notes' },
};

export function SeverityIcon({ severity, size = 16 }: { severity: Severity; size?: number }) {
  const Icon = severity === 'error' ? CircleAlert : severity === 'warning' ? TriangleAlert : Info;
  return <Icon size={size} aria-hidden="true" className={`severity-icon severity-${severity}`} />;
}
