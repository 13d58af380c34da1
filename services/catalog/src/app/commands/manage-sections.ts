import { CatalogErrors } from '../../domain/catalog.errors';
import { validateSection, type Section } from '../../domain/lesson';
import type { CatalogDeps } from '../deps';
import { lockManagedCourse, requireUuid, write, type Caller } from '../shared';

/** Appends a section to a course (owner/admin). */
export async function createSection(
  deps: CatalogDeps,
  caller: Caller,
  cmd: { courseId: string; title: string; description: string },
): Promise<Section> {
  const courseId = requireUuid('course_id', cmd.courseId);
  const values = validateSection(cmd);
  return write(deps, async (transaction) => {
    await lockManagedCourse(deps, transaction, courseId, caller);
    return deps.sections.append(courseId, { title: values.title!, description: values.description! }, transaction);
  });
}

/** Renames / re-describes a section (owner/admin), partial via `fields`. */
export async function updateSection(
  deps: CatalogDeps,
  caller: Caller,
  cmd: { sectionId: string; fields: string[]; title: string; description: string },
): Promise<Section> {
  const sectionId = requireUuid('section_id', cmd.sectionId);
  const values = validateSection(cmd, cmd.fields);
  return write(deps, async (transaction) => {
    const section = await lockSection(deps, transaction, sectionId, caller);
    return deps.sections.update(section.id, { title: values.title, description: values.description }, transaction);
  });
}

/** Deletes an empty section (owner/admin); the following sections move up. */
export async function deleteSection(deps: CatalogDeps, caller: Caller, cmd: { sectionId: string }): Promise<void> {
  const sectionId = requireUuid('section_id', cmd.sectionId);
  await write(deps, async (transaction) => {
    const section = await lockSection(deps, transaction, sectionId, caller);
    if ((await deps.lessons.countInSection(section.id, transaction)) > 0) throw CatalogErrors.sectionNotEmpty();
    await deps.sections.delete(section, transaction);
  });
}

/** The section, after locking its course as a course the caller manages (SECTION_NOT_FOUND otherwise). */
async function lockSection(
  deps: CatalogDeps,
  transaction: Parameters<typeof deps.sections.findById>[1],
  sectionId: string,
  caller: Caller,
): Promise<Section> {
  const found = await deps.sections.findById(sectionId, transaction);
  if (!found) throw CatalogErrors.sectionNotFound();
  await lockManagedCourse(deps, transaction!, found.courseId, caller, CatalogErrors.sectionNotFound);
  const section = await deps.sections.findById(sectionId, transaction); // re-read under the course lock
  if (!section) throw CatalogErrors.sectionNotFound();
  return section;
}
