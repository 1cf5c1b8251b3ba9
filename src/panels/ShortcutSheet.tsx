import { SHORTCUTS } from '../app/useShortcuts';
import { useStakemap } from '../store';
import { Modal } from './Modal';

export function ShortcutSheet() {
  const open = useStakemap((s) => s.overlay === 'shortcuts');
  if (!open) return null;
  return (
    <Modal title="Keyboard shortcuts" onClose={() => useStakemap.getState().setOverlay('none')}>
      <table className="shortcut-table">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.keys}>
              <th scope="row">
                <kbd>{s.keys}</kbd>
              </th>
              <td>{s.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="wizard-hint">Tab moves between stakeholders on the map; arrow keys move the focused one.</p>
    </Modal>
  );
}
