import { CatalogErrors } from '../../domain/catalog.errors';
import { validateSection, type Section } from '../../domain/lesson';
import type { CatalogRepositories, CatalogUnitOfWork } from '../deps';
import { lockManagedCourse, requireUuid, type Caller } from '../shared';

/** Appends a section to a course (owner/admin). */
export async function createSection(
  uow: CatalogUnitOfWork,
  caller: Caller,
  cmd: { courseId: string; title: string; description: string },
): Promise<Section> {
  const courseId = requireUuid('course_id', cmd.courseId);
  const values = validateSection(cmd);
  await lockManagedCourse(uow, courseId, caller);
  return uow.sections.append(courseId, { title: values.title!, description: values.description! });
}

/** Renames / re-describes a section (owner/admin), partial via `fields`. */
export async function updateSection(
  uow: CatalogUnitOfWork,
  caller: Caller,
  cmd: { sectionId: string; fields: string[]; title: string; description: string },
): Promise<Section> {
  const sectionId = requireUuid('section_id', cmd.sectionId);
  const values = validateSection(cmd, cmd.fields);
  const section = await lockSection(uow, sectionId, caller);
  return uow.sections.update(section.id, { title: values.title, description: values.description });
}

/** Deletes an empty section (owner/admin); the following sections move up. */
export async function deleteSection(uow: CatalogUnitOfWork, caller: Caller, cmd: { sectionId: string }): Promise<void> {
  const sectionId = requireUuid('section_id', cmd.sectionId);
  const section = await lockSection(uow, sectionId, caller);
  if ((await uow.lessons.countInSection(section.id)) > 0) throw CatalogErrors.sectionNotEmpty();
  await uow.sections.delete(section);
}

/** The section, after locking its course as a course the caller manages (SECTION_NOT_FOUND otherwise). */
async function lockSection(uow: CatalogRepositories, sectionId: string, caller: Caller): Promise<Section> {
  const found = await uow.sections.findById(sectionId);
  if (!found) throw CatalogErrors.sectionNotFound();
  await lockManagedCourse(uow, found.courseId, caller, CatalogErrors.sectionNotFound);
  const section = await uow.sections.findById(sectionId); // re-read under the course lock
  if (!section) throw CatalogErrors.sectionNotFound();
  return section;
}
