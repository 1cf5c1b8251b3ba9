// The public face of persistence: the rest of the app imports from here.
export {
  DB_NAME,
  FORMAT_VERSION_BEFORE_SCHEMA_3,
  SCHEMA_VERSION,
  getStakemapDb,
  openStakemapDb,
  revOf,
  type MapRecord,
  type MetaRecord,
  type SnapshotRecord,
  type StakemapDb,
} from './db';
export {
  DEFAULT_MAX_SNAPSHOTS,
  createMapRepository,
  type DeletedMap,
  type MapRepository,
  type MapSummary,
  type RepositoryOptions,
  type SaveOptions,
  type SnapshotSummary,
} from './repository';
export { createMemoryRepository, type MemoryRepository } from './memory';
export { lazyWorkerTransport, withOffThreadSaves, type SaveTransport } from './offThreadSave';
export { chooseStorage, type StorageChoice } from './storage';
export { watchVersionChange } from './versionchange';
export {
  CorruptRecordError,
  MapConflictError,
  MapNotFoundError,
  classifyStorageError,
  needsUserAction,
  type ClassifiedError,
  type StorageErrorKind,
  type StoredKind,
} from './errors';
export { loadStoredMapCheck, plainWithGaps, rawText, type ReadStoredMap } from './records';
export {
  requestPersistentStorage,
  startAutosave,
  type Autosave,
  type AutosaveDoc,
  type AutosaveOptions,
  type SaveState,
  type SaveStatus,
} from './autosave';
export {
  RESCUE_SNAPSHOT_REASON,
  checkRescue,
  clearRescue,
  isOwnRescue,
  listRescues,
  markRescuesSeen,
  MAX_SEEN_COPIES,
  recoverRescues,
  writeRescue,
  type RescueEntry,
  type StoredRescue,
} from './rescue';
export {
  JOURNAL_PREFIX,
  JOURNAL_DB,
  appendJournal,
  appendJournalDb,
  entryText,
  holdSessionLock,
  openJournalDb,
  readJournalDb,
  removeJournalDb,
  journalKey,
  journalKeys,
  journalStorage,
  liveSessions,
  readJournal,
  removeJournal,
  type JournalEntry,
} from './journal';
