import { Inspector } from './Inspector';

export function SidePanel() {
  return (
    <aside className="side-panel" aria-label="Details">
      <Inspector />
    </aside>
  );
}
