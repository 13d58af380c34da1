import { courseUpdated } from '../../domain/catalog.events';
import { validateReorder } from '../../domain/lesson';
import type { CatalogPorts, CatalogUnitOfWork } from '../deps';
import { loadOutline, type Outline } from '../queries/get-course-outline';
import { lockManagedCourse, requireUuid, syncContent, type Caller } from '../shared';

export interface ReorderCommand {
  courseId: string;
  sections: { sectionId: string; lessonIds: string[] }[];
}

/**
 * Applies a complete new order of a course's sections and lessons (owner/admin) in one transaction.
 * The course row is locked first, so concurrent reorders run one after the other and the last one wins
 * entirely; anything missing, duplicated or foreign is refused. Positions are contiguous from 0.
 * The same order again changes nothing. Emits `course.updated` (`lesson_order`) and, when a published
 * course's countable order changed, a new version.
 */
export async function reorderLessons(uow: CatalogUnitOfWork, ports: CatalogPorts, caller: Caller, cmd: ReorderCommand): Promise<Outline> {
  const courseId = requireUuid('course_id', cmd.courseId);
  let course = await lockManagedCourse(uow, courseId, caller);
  const [sections, lessons] = await Promise.all([uow.sections.listByCourse(courseId), uow.lessons.listByCourse(courseId)]);
  const order = validateReorder(cmd.sections, { sectionIds: sections.map((s) => s.id), lessonIds: lessons.map((l) => l.id) });
  const sectionPos = new Map(sections.map((s) => [s.id, s.orderIndex]));
  const lessonPos = new Map(lessons.map((l) => [l.id, `${l.sectionId}/${l.orderIndex}`]));
  const unchanged =
    order.sections.every((s) => sectionPos.get(s.id) === s.orderIndex) &&
    order.lessons.every((l) => lessonPos.get(l.id) === `${l.sectionId}/${l.orderIndex}`);
  if (!unchanged) {
    await uow.sections.setPositions(order.sections);
    await uow.lessons.setPositions(order.lessons);
    const now = ports.clock();
    await uow.emit(courseUpdated(course, ['lesson_order'], now));
    course = await syncContent(uow, course, now);
  }
  return loadOutline(uow, course, { includeDrafts: true });
}
