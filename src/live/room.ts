// Room ids, room tokens and per-person id prefixes.
//
// A room id is the only key to a room when the server has no secret, so it is
// unguessable: 16 random bytes (128 bits) as base64url, 22 characters.
// With a secret (STAKEMAP_SECRET on the server), a room also needs its token,
// HMAC-SHA256(secret, room id) as base64url: whoever knows the secret (the
// facilitator) makes tokens; a join link carries one room's token, never the
// secret, so a participant cannot open other rooms.
import type * as Y from 'yjs';

export const ROOM_ID_PATTERN = /^[A-Za-z0-9_-]{22,64}$/;
const ROOM_BYTES = 16;

export function newRoomId(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(ROOM_BYTES)));
}

export function isRoomId(value: unknown): value is string {
  return typeof value === 'string' && ROOM_ID_PATTERN.test(value);
}

/** The token of `room` under `secret` (Web Crypto: the same in browsers and Node). */
export async function roomToken(secret: string, room: string): Promise<string> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return base64url(new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(room))));
}

/**
 * A prefix for the ids this person creates (`nextStakeholderId(map,
 * idPrefix(doc, 's'))`): two people adding a stakeholder at once would both
 * pick `s7` from the map they see, and one would overwrite the other.
 */
export function idPrefix(doc: Y.Doc, kind: string): string {
  return `${kind}${doc.clientID.toString(36)}-`;
}

function base64url(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
