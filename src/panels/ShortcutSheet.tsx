import { COMMANDS, formatShortcut, type Command } from '../commands';
import { useStakemap } from '../store';
import { Modal } from '../ui/Modal';

/** The commands that have keys, as the registry lists them: the sheet cannot drift from the keys. */
function rows(scope: 'editor' | 'presenting'): readonly Command<never[], unknown>[] {
  return COMMANDS.filter((c) => c.keys && (c.scope ?? 'editor') === scope);
}

function ShortcutTable({ commands, caption }: { commands: readonly Command<never[], unknown>[]; caption: string }) {
  return (
    <table className="shortcut-table">
      <caption className="visually-hidden">{caption}</caption>
      <tbody>
        {commands.map((c) => (
          <tr key={c.id}>
            <th scope="row">
              <kbd>{c.keys!.map(formatShortcut).join(' / ')}</kbd>
            </th>
            <td>{c.label}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ShortcutSheet() {
  const open = useStakemap((s) => s.overlay === 'shortcuts');
  if (!open) return null;
  return (
    <Modal title="Keyboard shortcuts" onClose={() => useStakemap.getState().setOverlay('none')}>
      <ShortcutTable commands={rows('editor')} caption="While drawing" />
      <h3 className="shortcut-heading">While presenting</h3>
      <ShortcutTable commands={rows('presenting')} caption="While presenting" />
      <p className="wizard-hint">Tab moves between stakeholders on the map; arrow keys move the focused one.</p>
    </Modal>
  );
}
