// fake-indexeddb's `auto` entry installs its IndexedDB classes as globals (typed by the DOM library).
import 'fake-indexeddb/auto';
import { openDexieStore } from '../../../src/addin/cache/dexie-store';
import type { LocalStore } from '../../../src/addin/cache/local-store';
import { createMemoryStore } from '../../../src/addin/cache/memory-store';

/** Both stores, each over fresh storage: the repositories are written once and must read the same from either. */
export const STORE_FACTORIES: [string, () => Promise<LocalStore>][] = [
  ['the memory store', async () => createMemoryStore()],
  ['the Dexie store', () => openDexieStore('rapport-cache', { indexedDB: new IDBFactory(), IDBKeyRange })],
];
