import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { DatabaseHandle } from '../db/connection.ts';
import { logger } from '../platform/logger.ts';
import { AVAILABILITY_CHANNEL } from './bookings.queries.ts';

/**
 * Tells open availability pages that a place's seats changed. One interface, two transports
 * (docs/decisions/0008-live-availability.md):
 * - PostgreSQL: the booking transaction itself runs `pg_notify` (delivered on commit only, to every
 *   instance); each process keeps one LISTEN connection and fans the place id out to its subscribers.
 * - PGlite: one process owns the database, so an in-process emitter is the whole bus; the service
 *   announces after commit.
 */
export interface AvailabilityBus {
  /** Called by the service after a commit that changed seats at these places. */
  afterCommit(placeIds: string[]): void;
  /** Listens for changes at one place; returns the unsubscribe function. */
  subscribe(placeId: string, listener: () => void): () => void;
  /** Resolves once changes from other instances are being received. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

const buses = new WeakMap<DatabaseHandle, AvailabilityBus>();

export function availabilityBus(database: DatabaseHandle, databaseUrl: string | undefined): AvailabilityBus {
  let bus = buses.get(database);
  if (!bus) {
    bus = database.kind === 'postgres' && databaseUrl ? listeningBus(databaseUrl) : inProcessBus();
    buses.set(database, bus);
  }
  return bus;
}

export async function closeAvailabilityBus(database: DatabaseHandle): Promise<void> {
  const bus = buses.get(database);
  buses.delete(database);
  await bus?.close();
}

function emitterSubscribe(emitter: EventEmitter, placeId: string, listener: () => void) {
  emitter.on(placeId, listener);
  return () => emitter.off(placeId, listener);
}

function inProcessBus(): AvailabilityBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    afterCommit(placeIds) {
      for (const id of new Set(placeIds)) emitter.emit(id);
    },
    subscribe: (placeId, listener) => emitterSubscribe(emitter, placeId, listener),
    async ready() {},
    async close() {
      emitter.removeAllListeners();
    }
  };
}

function listeningBus(databaseUrl: string): AvailabilityBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  let client: pg.Client | undefined;
  let connecting: Promise<void> | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = (): Promise<void> => {
    if (client || connecting || closed) return connecting ?? Promise.resolve();
    const next = new pg.Client({ connectionString: databaseUrl });
    const dropped = () => {
      if (client !== next) return;
      client = undefined;
      next.end().catch(() => {});
      // Keep listening while pages are open: reconnect after a short pause.
      if (!closed && emitter.eventNames().length > 0) retry = setTimeout(() => void connect(), 1000);
    };
    next.on('notification', (message) => {
      if (message.channel === AVAILABILITY_CHANNEL && message.payload) emitter.emit(message.payload);
    });
    next.on('error', (err) => {
      logger.warn({ err }, 'availability listener lost its connection');
      dropped();
    });
    next.on('end', dropped);
    connecting = next
      .connect()
      .then(() => next.query(`listen ${AVAILABILITY_CHANNEL}`))
      .then(() => {
        client = next;
      })
      .catch((err) => {
        logger.warn({ err }, 'availability listener could not connect');
        next.end().catch(() => {});
        if (!closed) retry = setTimeout(() => void connect(), 1000);
      })
      .finally(() => {
        connecting = undefined;
      });
    return connecting;
  };

  const bus: AvailabilityBus = {
    afterCommit() {
      // The transaction's pg_notify is delivered to every listener (this one included) on commit.
    },
    subscribe(placeId, listener) {
      void connect();
      return emitterSubscribe(emitter, placeId, listener);
    },
    ready: () => connect(),
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      emitter.removeAllListeners();
      await connecting;
      const current = client;
      client = undefined;
      await current?.end().catch(() => {});
    }
  };
  process.once('sveltekit:shutdown', () => void bus.close());
  return bus;
}
