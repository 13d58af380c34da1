import { AppError } from '@lms/kit/errors';
import { CatalogErrors } from '../../domain/catalog.errors';
import type { CatalogDeps } from '../deps';
import { requireUuid, type Caller } from '../shared';
import { assertCanReadContent } from './get-lesson';

/**
 * For the media service (its calls only): may the caller (the end user whose token media forwards; none =
 * anonymous) read a file because a lesson references it as its video or an attachment? Yes when they may
 * read the content of any such lesson — GetLesson's own rule (`assertCanReadContent`), so a file is never
 * more visible than the lesson that shows it. When no lesson allows it but one could not be decided (the
 * enrollment service is down for a lesson with drip/prerequisite rules), that UNAVAILABLE is answered:
 * media then fails closed with a retryable error instead of a misleading 404.
 */
export async function canReadLessonFile(
  deps: CatalogDeps,
  callerService: string,
  caller: Caller | undefined,
  query: { fileId: string },
): Promise<{ allowed: boolean; lessonIds: string[] }> {
  if (callerService !== 'media') throw CatalogErrors.mediaCallerOnly();
  const fileId = requireUuid('file_id', query.fileId);
  const lessons = await deps.units.read.lessons.listReferencingFile(fileId);
  const courses = new Map((await deps.units.read.courses.findMany([...new Set(lessons.map((l) => l.courseId))])).map((c) => [c.id, c]));
  const readable: string[] = [];
  let undecided: AppError | undefined;
  for (const lesson of lessons) {
    try {
      await assertCanReadContent(deps, caller, lesson, courses.get(lesson.courseId));
      readable.push(lesson.id);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      if (err.kind === 'unavailable') undecided ??= err;
    }
  }
  if (!readable.length && undecided) throw undecided;
  return { allowed: readable.length > 0, lessonIds: readable };
}
