import { courseUpdated } from '../../domain/catalog.events';
import { validateReorder } from '../../domain/lesson';
import type { CatalogDeps } from '../deps';
import { loadOutline, type Outline } from '../queries/get-course-outline';
import { emit, lockManagedCourse, requireUuid, syncContent, write, type Caller } from '../shared';

export interface ReorderCommand {
  courseId: string;
  sections: { sectionId: string; lessonIds: string[] }[];
}

/**
 * Applies a complete new order of a course's sections and lessons (owner/admin) in one transaction.
 * The course row is locked first, so concurrent reorders run one after the other and the last one wins
 * entirely; anything missing, duplicated or foreign is refused. Positions are contiguous from 0.
 * The same order again changes nothing. Emits `course.updated` (`lesson_order`) and, when a published course's countable order changed, a new version.
 */
export async function reorderLessons(deps: CatalogDeps, caller: Caller, cmd: ReorderCommand): Promise<Outline> {
  const courseId = requireUuid('course_id', cmd.courseId);
  return write(deps, async (transaction) => {
    let course = await lockManagedCourse(deps, transaction, courseId, caller);
    const [sections, lessons] = await Promise.all([
      deps.sections.listByCourse(courseId, transaction),
      deps.lessons.listByCourse(courseId, transaction),
    ]);
    const order = validateReorder(cmd.sections, { sectionIds: sections.map((s) => s.id), lessonIds: lessons.map((l) => l.id) });
    const sectionPos = new Map(sections.map((s) => [s.id, s.orderIndex]));
    const lessonPos = new Map(lessons.map((l) => [l.id, `${l.sectionId}/${l.orderIndex}`]));
    const unchanged =
      order.sections.every((s) => sectionPos.get(s.id) === s.orderIndex) &&
      order.lessons.every((l) => lessonPos.get(l.id) === `${l.sectionId}/${l.orderIndex}`);
    if (!unchanged) {
      await deps.sections.setPositions(order.sections, transaction);
      await deps.lessons.setPositions(order.lessons, transaction);
      const now = deps.clock();
      await emit(deps, transaction, courseUpdated(course, ['lesson_order'], now));
      course = await syncContent(deps, transaction, course, now);
    }
    return loadOutline(deps, course, { includeDrafts: true, transaction });
  });
}
