// The grids' place over the canvas; their code loads when one is first opened.
import { lazy, Suspense } from 'react';
import { useGridView } from './viewStore';

const GridPanel = lazy(() => import('./GridView').then((m) => ({ default: m.GridPanel })));

export function GridViews() {
  const open = useGridView((s) => s.open);
  if (!open) return null;
  return (
    <Suspense>
      <GridPanel kind={open} />
    </Suspense>
  );
}
