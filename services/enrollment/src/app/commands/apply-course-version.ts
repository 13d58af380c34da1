import { buildCourseVersion, type CourseStatus, type CourseVersionInput } from '../../domain/course';
import type { SaveVersionResult } from '../../infra/course-model.repository';
import { versionFromOutline } from '../../infra/catalog-outline';
import type { CommandEnv, EnrollmentUnitOfWork } from '../deps';
import type { CourseOutline__Output as CatalogOutline } from '@lms/kit/generated/lms/catalog/v1/CourseOutline';

/**
 * Stores a course version in the read model (idempotent) and, when it is newer than what the course's
 * enrolments are computed against, asks the background recompute to bring them forward after commit.
 */
export async function applyCourseVersion(
  uow: EnrollmentUnitOfWork,
  env: CommandEnv,
  input: CourseVersionInput,
  source: 'event' | 'outline',
  status: { status: CourseStatus; at: Date } | null,
): Promise<SaveVersionResult> {
  const version = buildCourseVersion(input);
  const result = await uow.courses.saveVersion(version, source, status);
  // Titles are not versioned (a rename makes no new version): the newest fact wins, per lesson.
  const titled = input.lessons.filter((l) => l.title).map((l) => ({ lessonId: l.lessonId.toLowerCase(), title: l.title! }));
  await uow.courses.saveTitles(version.courseId, titled, status?.at ?? env.clock());
  if (result.advanced) {
    uow.afterCommit(() => env.requestRecompute(version.courseId));
    env.logger.info({ course_id: version.courseId, version: version.version, source }, 'new course version: recompute scheduled');
  }
  return result;
}

/** Stores a fetched outline as a version of the read model, in the caller's unit of work (DB only). */
export async function storeOutline(uow: EnrollmentUnitOfWork, env: CommandEnv, courseId: string, outline: CatalogOutline): Promise<void> {
  if (!outline.is_published) return;
  await applyCourseVersion(uow, env, versionFromOutline(outline), 'outline', { status: 'published', at: env.clock() });
  // access_days (0 = lifetime) is not versioned: the outline's current value applies to new enrolments.
  await uow.courses.setAccessDays(courseId, outline.access_days ?? 0);
  // likewise the video completion threshold (0 from an older catalog = the default, 80)
  await uow.courses.setVideoCompletionThreshold(courseId, outline.video_completion_threshold ?? 0);
}
