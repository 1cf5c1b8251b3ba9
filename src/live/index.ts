// Live workshops: the map as a Yjs document (schema.ts for its layout).
export { writeMapToDoc, readMapFromDoc, isEmptyDoc } from './doc';
export { deriveMap, REPAIR_ORIGIN, type Derived, type Repair } from './derive';
export { checkRemote, type RemoteCheck } from './repair';
export { RecordCache } from './cache';
export { createUndoManager } from './undo';
export { LiveMap, type MapChange } from './binding';
export { newRoomId, isRoomId, roomToken, idPrefix, ROOM_ID_PATTERN } from './room';
