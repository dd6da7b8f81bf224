import { p } from '@mikro-orm/core';
import type { RecordedEvent } from '../../envelope';
import { defineProjection } from '../../projection/projection';
import { readModelTable } from '../../read-model/versioned-read-model';

// Read models of the seats fixture: a row per course and a row per reservation, kept idempotent by
// keying every write and recomputing the count from the reservations.

export const CourseRows = readModelTable('demo_courses', () => ({
  courseId: p.string().primary(),
  capacity: p.integer(),
  reserved: p.integer(),
  lastPosition: p.bigint('number'),
}));

export const ReservationRows = readModelTable('demo_reservations', () => ({
  id: p.string().primary(),
  courseId: p.string().index(),
  learnerId: p.string(),
}));

type Opened = { courseId: string; capacity: number };
type Seat = { courseId: string; learnerId: string };

export const seatsProjection = defineProjection({
  name: 'demo.seats',
  version: 1,
  readModels: [CourseRows, ReservationRows],
  handlers: {
    'demo.course-opened': async (e: RecordedEvent<Opened>, { upsert }) => {
      await upsert(CourseRows, { courseId: e.data.courseId, capacity: e.data.capacity, reserved: 0, lastPosition: e.position });
    },
    'demo.seat-reserved': async (e: RecordedEvent<Seat>, { em, entity }) => {
      await em.upsert(entity(ReservationRows), { id: `${e.data.courseId}:${e.data.learnerId}`, ...e.data });
      await recount(em, entity, e);
    },
    'demo.seat-released': async (e: RecordedEvent<Seat>, { em, entity }) => {
      await em.nativeDelete(entity(ReservationRows), { id: `${e.data.courseId}:${e.data.learnerId}` });
      await recount(em, entity, e);
    },
  },
});

async function recount(
  em: Parameters<(typeof seatsProjection.handlers)[string]>[1]['em'],
  entity: Parameters<(typeof seatsProjection.handlers)[string]>[1]['entity'],
  e: RecordedEvent<Seat>,
): Promise<void> {
  const reserved = await em.count(entity(ReservationRows), { courseId: e.data.courseId });
  await em.nativeUpdate(entity(CourseRows), { courseId: e.data.courseId }, { reserved, lastPosition: e.position });
}
