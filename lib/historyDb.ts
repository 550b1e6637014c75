/** This browser's generations, kept in IndexedDB (audio as a Blob) so they survive reloads. */
import type { GenerationSettings, RunFigures } from "./store";

export type HistoryEntry = {
  id: string;
  createdAt: number;
  text: string;
  settings: GenerationSettings;
  figures: RunFigures;
  wav: Blob;
};

const DB_NAME = "index-tts-web";
const STORE = "generations";
/** Oldest entries are dropped beyond this many. */
export const HISTORY_LIMIT = 50;

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      const store = req.result.createObjectStore(STORE, { keyPath: "id" });
      store.createIndex("createdAt", "createdAt");
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function run<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = fn(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

/** Newest first. */
export async function listHistory(): Promise<HistoryEntry[]> {
  const all = await run<HistoryEntry[]>("readonly", (s) => s.getAll() as IDBRequest<HistoryEntry[]>);
  return all.sort((a, b) => b.createdAt - a.createdAt);
}

export async function addHistory(entry: HistoryEntry): Promise<void> {
  await run("readwrite", (s) => s.put(entry));
  const all = await listHistory();
  for (const old of all.slice(HISTORY_LIMIT)) await deleteHistory(old.id);
}

export async function deleteHistory(id: string): Promise<void> {
  await run("readwrite", (s) => s.delete(id));
}

export async function clearHistory(): Promise<void> {
  await run("readwrite", (s) => s.clear());
}
