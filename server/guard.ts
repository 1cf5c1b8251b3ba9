// The server's caps and checks, as one Hocuspocus extension: room ids of the
// right form, a room token when a secret is set, connections per room, and
// the size of a room's document. Refusals name the room and a reason only.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Extension } from '@hocuspocus/server';
import * as Y from 'yjs';
import { isRoomId } from '../src/live/room';
import type { LiveConfig } from './config';
import type { Log } from './log';

/** The close event sent when a change would make a room's document larger than allowed. */
export const DOCUMENT_TOO_LARGE = { code: 4413, reason: 'document-too-large' } as const;

/** HMAC-SHA256(secret, room) as base64url: the same as roomToken in src/live/room.ts. */
export function serverRoomToken(secret: string, room: string): string {
  return createHmac('sha256', secret).update(room).digest('base64url');
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

type Limits = Pick<LiveConfig, 'secret' | 'maxDocumentBytes' | 'maxConnectionsPerRoom'>;

export function guard(limits: Limits, log: Log): Extension {
  // Estimated size of each loaded room: exact at load, plus every update's size since (an upper bound);
  // measured again only when the estimate nears the cap.
  const sizes = new Map<string, number>();
  const refuse = (room: string, reason: string) => {
    log.event('refused', room, reason);
    return { reason }; // no message: Hocuspocus logs errors with a message; this one is logged above
  };
  return {
    extensionName: 'stakemap-guard',
    priority: 2_000,
    async onConnect({ documentName, instance }) {
      if (!isRoomId(documentName)) throw refuse('(malformed)', 'unknown-room');
      const here = instance.documents.get(documentName)?.getConnectionsCount() ?? 0;
      if (here >= limits.maxConnectionsPerRoom) throw refuse(documentName, 'room-full');
    },
    async onAuthenticate({ documentName, token }) {
      if (limits.secret === null) return;
      if (typeof token !== 'string' || !sameText(token, serverRoomToken(limits.secret, documentName))) throw refuse(documentName, 'permission-denied');
    },
    async afterLoadDocument({ documentName, document }) {
      sizes.set(documentName, Y.encodeStateAsUpdate(document).byteLength);
    },
    async onChange({ documentName, update }) {
      sizes.set(documentName, (sizes.get(documentName) ?? 0) + update.byteLength);
    },
    async beforeHandleMessage({ documentName, document, update }) {
      if (!changesDocument(update)) return;
      let size = sizes.get(documentName) ?? 0;
      if (size + update.byteLength <= limits.maxDocumentBytes) return;
      size = Y.encodeStateAsUpdate(document).byteLength;
      sizes.set(documentName, size);
      if (size + update.byteLength > limits.maxDocumentBytes) {
        log.event('refused', documentName, `${DOCUMENT_TOO_LARGE.reason} (${size} + ${update.byteLength} bytes)`);
        throw { ...DOCUMENT_TOO_LARGE };
      }
    },
    async afterUnloadDocument({ documentName }) {
      sizes.delete(documentName);
    },
  };
}

/**
 * Whether a Hocuspocus message may add to the document: a sync message
 * (type 0, or 4 for a reply) carrying sync step 2 or an update (1 or 2).
 * Layout: varString room name, varUint type, varUint sync type, ….
 */
export function changesDocument(message: Uint8Array): boolean {
  let at = 0;
  const varUint = (): number => {
    let n = 0;
    let shift = 0;
    for (;;) {
      const byte = message[at++];
      if (byte === undefined) return -1;
      n += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return n;
      shift += 7;
      if (shift > 49) return -1;
    }
  };
  const nameLength = varUint();
  if (nameLength < 0) return true; // unreadable: let the size check look at it
  at += nameLength;
  const type = varUint();
  if (type !== 0 && type !== 4) return false;
  const sync = varUint();
  return sync !== 0;
}
