// "Share live": the facilitator opens a room for the open map and shows the
// room its join link and QR code; once live, the same dialog holds the
// facilitator's controls (view-only, end the room).
import { useMemo, useState } from 'react';
import { Radio } from 'lucide-react';
import qrcode from 'qrcode-generator';
import { navigate } from '../services/router';
import { endRoom, joinLink, rememberName, rememberedName, setRoomViewOnly, setSyncUrl, shareLive, syncUrl, useLive } from '../services/live';
import { Modal } from '../ui/Modal';

/** The QR code of a link, as an image (a data URL: the link is never markup). */
function QrCode({ text }: { text: string }) {
  const src = useMemo(() => {
    const qr = qrcode(0, 'M');
    qr.addData(text);
    qr.make();
    return qr.createDataURL(8, 2);
  }, [text]);
  return <img className="qr-code" src={src} alt={`QR code of ${text}`} width={240} height={240} />;
}

export function ShareLiveButton() {
  const [open, setOpen] = useState(false);
  const live = useLive((s) => s.room !== null);
  return (
    <>
      <button type="button" className={`button${live ? ' is-live' : ''}`} onClick={() => setOpen(true)} title="Share this map live with the room">
        <Radio size={18} aria-hidden="true" /> {live ? 'Live' : 'Share live'}
      </button>
      {open ? <ShareDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function ShareDialog({ onClose }: { onClose: () => void }) {
  const room = useLive((s) => s.room);
  const facilitator = useLive((s) => s.facilitator);
  const viewOnly = useLive((s) => s.settings.viewOnly);
  const [name, setName] = useState(rememberedName());
  const [address, setAddress] = useState(syncUrl());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      rememberName(name || 'Facilitator');
      setSyncUrl(address === syncUrlDefault() ? '' : address);
      const id = await shareLive(name || 'Facilitator');
      navigate({ view: 'live', room: id, token: null });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  if (room) {
    const link = joinLink(room);
    return (
      <Modal title="Live room" onClose={onClose} wide>
        <p>Everyone opens this link, or scans the code, and draws on this map with you.</p>
        <div className="share-live">
          <QrCode text={link} />
          <div className="share-live-side">
            <label className="field-label" htmlFor="join-link">Join link</label>
            <input id="join-link" className="join-link" readOnly value={link} onFocus={(e) => e.currentTarget.select()} data-testid="join-link" />
            <button type="button" className="button small" onClick={() => void navigator.clipboard?.writeText(link)}>
              Copy the link
            </button>
            {facilitator ? (
              <div className="facilitator-controls" role="group" aria-label="Facilitator">
                <label className="checkbox">
                  <input type="checkbox" checked={viewOnly} onChange={(e) => setRoomViewOnly(e.target.checked)} /> View only: the room watches, only you edit
                </label>
                <button type="button" className="button danger small" onClick={() => { endRoom(); onClose(); }}>
                  End the room
                </button>
              </div>
            ) : null}
          </div>
        </div>
      </Modal>
    );
  }
  return (
    <Modal title="Share live" onClose={onClose}>
      <p>Open a live room for this map: everyone in the workshop draws on it from their own laptop, and you present it.</p>
      <label className="field-label" htmlFor="share-name">Your name, as the room sees it</label>
      <input id="share-name" value={name} maxLength={40} onChange={(e) => setName(e.target.value)} placeholder="Facilitator" />
      <details className="share-advanced">
        <summary>Sync address</summary>
        <p className="wizard-hint">The server that runs the room. With <code>npm start</code> it is this page&apos;s own; on a static host, give the address of your Stakemap server.</p>
        <input aria-label="Sync address" value={address} onChange={(e) => setAddress(e.target.value)} />
      </details>
      {error ? <p className="field-error" role="alert">{error}</p> : null}
      <div className="modal-actions">
        <button type="button" className="button primary" disabled={busy} onClick={() => void start()}>
          {busy ? 'Starting…' : 'Start the live room'}
        </button>
      </div>
    </Modal>
  );
}

function syncUrlDefault(): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/sync`;
}
