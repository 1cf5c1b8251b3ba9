import { lazy, Suspense } from 'react';
import { useReportUi } from '../services/report';

// The report's view and everything it draws with (src/export) load when it first opens.
const ReportView = lazy(() => import('./ReportView'));

export function ReportScreen() {
  const open = useReportUi((s) => s.open);
  return open ? (
    <Suspense>
      <ReportView />
    </Suspense>
  ) : null;
}
