import { courseUpdated } from '../../domain/catalog.events';
import { moveWithinSection, validateMoveIndex, type Lesson } from '../../domain/lesson';
import type { CatalogPorts, CatalogUnitOfWork } from '../deps';
import { lockManagedLesson, requireUuid, syncContent, type Caller } from '../shared';

export interface MoveLessonCommand {
  lessonId: string;
  newOrderIndex: number;
}

/**
 * Moves one lesson to `newOrderIndex` within its own section (owner/admin); the lessons in between
 * shift by one and positions stay contiguous from 0; an index past the end moves it to the end.
 * One transaction under the course row lock (FOR UPDATE) that ReorderLessons and every other content
 * write take, so concurrent moves and reorders run one after the other on fresh positions.
 * Moving to where it already is changes nothing. Emits `course.updated` (`lesson_order`) and, when a
 * published course's countable order changed, a new version. Returns the moved lesson.
 */
export async function moveLesson(uow: CatalogUnitOfWork, ports: CatalogPorts, caller: Caller, cmd: MoveLessonCommand): Promise<Lesson> {
  const lessonId = requireUuid('lesson_id', cmd.lessonId);
  const newIndex = validateMoveIndex(cmd.newOrderIndex);
  const { course, lesson } = await lockManagedLesson(uow, lessonId, caller);
  const siblings = (await uow.lessons.listByCourse(course.id)).filter((l) => l.sectionId === lesson.sectionId);
  const positions = moveWithinSection(
    siblings.map((l) => l.id),
    lesson.id,
    newIndex,
  );
  const current = new Map(siblings.map((l) => [l.id, l.orderIndex]));
  const changed = positions.filter((p) => current.get(p.id) !== p.orderIndex);
  if (!changed.length) return lesson;
  await uow.lessons.setPositions(changed.map((p) => ({ ...p, sectionId: lesson.sectionId })));
  const now = ports.clock();
  await uow.emit(courseUpdated(course, ['lesson_order'], now));
  await syncContent(uow, course, now);
  return (await uow.lessons.findById(lessonId, { withContent: true }))!;
}
