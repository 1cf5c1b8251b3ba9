// fake-indexeddb must be installed before Dexie opens anything.
import 'fake-indexeddb/auto';
