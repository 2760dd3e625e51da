import type { DoorCheckIn, ListedTicket } from '../../cinema/offline-checkin';
import type { CheckInConflict } from '../../cinema/offline-checkin';
import type { Screening } from './types';

/** The door list of one screening as GET /api/door/screenings/:id answers it. */
export interface DoorList {
  screeningId: string;
  film: string;
  startsAt: string;
  fetchedAt: string;
  publicKeys: string[];
  tickets: ListedTicket[];
  conflicts: CheckInConflict[];
}

/** A check-in made on this device, kept until the server has it. */
export interface PendingCheckIn extends DoorCheckIn {
  screeningId: string;
}

const DB = 'huigong-door';
const LISTS = 'lists';
const PENDING = 'pending';
const META = 'meta';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/**
 * What the door keeps on the device, in IndexedDB, so it works with no network: the screenings, each
 * screening's door list, the check-ins not yet synced, and this device's id. Lost only if the browser
 * clears the site's storage; check-ins are synced as soon as there is a network, so little is at risk.
 */
export class DoorStore {
  private constructor(private readonly db: IDBDatabase) {}

  static async open(): Promise<DoorStore> {
    const opening = indexedDB.open(DB, 1);
    opening.onupgradeneeded = () => {
      const db = opening.result;
      db.createObjectStore(LISTS, { keyPath: 'screeningId' });
      db.createObjectStore(PENDING, { keyPath: ['screeningId', 'code'] });
      db.createObjectStore(META);
    };
    return new DoorStore(await request(opening));
  }

  private store(name: string, mode: IDBTransactionMode = 'readonly'): IDBObjectStore {
    return this.db.transaction(name, mode).objectStore(name);
  }

  /** This device's id: random, made once, named in the conflicts it is part of. */
  async deviceId(): Promise<string> {
    const known = (await request(this.store(META).get('device'))) as string | undefined;
    if (known) return known;
    const device = `door-${crypto.randomUUID().slice(0, 8)}`;
    await request(this.store(META, 'readwrite').put(device, 'device'));
    return device;
  }

  async screenings(): Promise<Screening[] | undefined> {
    return (await request(this.store(META).get('screenings'))) as Screening[] | undefined;
  }

  async saveScreenings(screenings: Screening[]): Promise<void> {
    await request(this.store(META, 'readwrite').put(screenings, 'screenings'));
  }

  async list(screeningId: string): Promise<DoorList | undefined> {
    return (await request(this.store(LISTS).get(screeningId))) as DoorList | undefined;
  }

  async saveList(list: DoorList): Promise<void> {
    await request(this.store(LISTS, 'readwrite').put(list));
  }

  async pending(screeningId?: string): Promise<PendingCheckIn[]> {
    const all = (await request(this.store(PENDING).getAll())) as PendingCheckIn[];
    return screeningId ? all.filter((entry) => entry.screeningId === screeningId) : all;
  }

  async addPending(checkIn: PendingCheckIn): Promise<void> {
    await request(this.store(PENDING, 'readwrite').put(checkIn));
  }

  async removePending(screeningId: string, codes: string[]): Promise<void> {
    const store = this.store(PENDING, 'readwrite');
    await Promise.all(codes.map((code) => request(store.delete([screeningId, code]))));
  }
}
