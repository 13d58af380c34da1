import { EncodedReply, type UnaryHandlers } from '@lms/kit/grpc';
import type { CategoryList } from '@lms/kit/generated/lms/catalog/v1/CategoryList';
import type { Course as CourseMessage } from '@lms/kit/generated/lms/catalog/v1/Course';
import type { CourseList } from '@lms/kit/generated/lms/catalog/v1/CourseList';
import type { CoursePage } from '@lms/kit/generated/lms/catalog/v1/CoursePage';
import type { CatalogServiceDefinition } from '@lms/kit/generated/lms/catalog/v1/CatalogService';
import type { CatalogDeps, CatalogUnitOfWork } from '../app/deps';
import { authenticate, viewer, withInstructor } from '../app/shared';
import type { Course } from '../domain/course';
import { createCourse, prepareCreateCourse } from '../app/commands/create-course';
import { updateCourse } from '../app/commands/update-course';
import { archiveCourse, publishCourse, unarchiveCourse, unpublishCourse } from '../app/commands/publish-course';
import { deleteCourse } from '../app/commands/delete-course';
import { createSection, deleteSection, updateSection } from '../app/commands/manage-sections';
import { createLesson, prepareCreateLesson } from '../app/commands/create-lesson';
import { prepareUpdateLesson, publishLesson, unpublishLesson, updateLesson } from '../app/commands/update-lesson';
import { deleteLesson } from '../app/commands/delete-lesson';
import { reorderLessons } from '../app/commands/reorder-lessons';
import { moveLesson } from '../app/commands/move-lesson';
import { getCourse, getCourseBySlug } from '../app/queries/get-course';
import { listCourses, listMyCourses } from '../app/queries/list-courses';
import { listCategories, listTopCourses } from '../app/queries/top-courses';
import { batchGetCourses } from '../app/queries/batch-get-courses';
import { getLesson, listLessons } from '../app/queries/get-lesson';
import { getCourseOutline } from '../app/queries/get-course-outline';
import { isCourseOwner } from '../app/queries/is-course-owner';
import { canReadLessonFile } from '../app/queries/can-read-lesson-file';
import {
  courseInput,
  courseMessage,
  coursePageMessage,
  encodeReply,
  lessonInput,
  lessonMessage,
  outlineMessage,
  sectionMessage,
} from './catalog.messages';

/**
 * The CatalogService over gRPC: decode the request, verify the caller, call the use case, encode the reply.
 * Writes are the entry point's units of work: `write` opens one, hands it to the command and commits.
 */
export function catalogHandlers(deps: CatalogDeps): UnaryHandlers<CatalogServiceDefinition> {
  const caller = (authorization: string | undefined) => authenticate(deps, authorization);
  const maybeCaller = (authorization: string | undefined) => viewer(deps, authorization);
  /**
   * Runs a command in one unit of work (retried on serialization failures and deadlocks). After the commit
   * the public read cache is invalidated, awaited before the answer (the kit awaits after-commit hooks), so
   * nobody — the writer included — reads a cached answer older than the write.
   */
  const write = <T>(command: (uow: CatalogUnitOfWork) => Promise<T>): Promise<T> =>
    deps.units.run((uow) => {
      uow.afterCommit(() => deps.cache.invalidate());
      return command(uow);
    });
  /** A written course as answered: with its instructor's public name (one call to auth, after the commit). */
  const courseReply = async (course: Promise<Course>) => courseMessage(await withInstructor(deps, await course));
  return {
    // ------------------------------------------------------------------------------------ courses
    CreateCourse: async (req, call) => {
      const who = await caller(call.authorization);
      const input = await prepareCreateCourse(deps, who, { ...courseInput(req), instructorId: req.instructor_id });
      return courseReply(write((uow) => createCourse(uow, deps, who, input)));
    },

    UpdateCourse: async (req, call) => {
      const who = await caller(call.authorization);
      return courseReply(write((uow) => updateCourse(uow, deps, who, { ...courseInput(req), courseId: req.course_id, fields: req.fields })));
    },

    DeleteCourse: async (req, call) => {
      const who = await caller(call.authorization);
      await write((uow) => deleteCourse(uow, deps, who, { courseId: req.course_id }));
      return {};
    },

    PublishCourse: async (req, call) => {
      const who = await caller(call.authorization);
      return courseReply(write((uow) => publishCourse(uow, deps, who, { courseId: req.course_id })));
    },

    UnpublishCourse: async (req, call) => {
      const who = await caller(call.authorization);
      return courseReply(write((uow) => unpublishCourse(uow, deps, who, { courseId: req.course_id })));
    },

    ArchiveCourse: async (req, call) => {
      const who = await caller(call.authorization);
      return courseReply(write((uow) => archiveCourse(uow, deps, who, { courseId: req.course_id })));
    },
    UnarchiveCourse: async (req, call) => {
      const who = await caller(call.authorization);
      return courseReply(write((uow) => unarchiveCourse(uow, deps, who, { courseId: req.course_id })));
    },

    // The cacheable reads answer their reply already encoded (kept so in the cache: a hit is sent as stored).
    GetCourse: async (req, call) =>
      new EncodedReply<CourseMessage>(await getCourse(deps, await maybeCaller(call.authorization), { courseId: req.course_id }, encodeReply.course)),

    GetCourseBySlug: async (req, call) =>
      new EncodedReply<CourseMessage>(await getCourseBySlug(deps, await maybeCaller(call.authorization), { slug: req.slug }, encodeReply.course)),

    ListCourses: async (req, call) =>
      new EncodedReply<CoursePage>(
        await listCourses(
          deps,
          await maybeCaller(call.authorization),
          {
            page: req.page,
            pageSize: req.page_size,
            category: req.category,
            difficultyLevel: req.difficulty_level,
            language: req.language,
            instructorId: req.instructor_id,
            minPriceCents: req.min_price_cents,
            maxPriceCents: req.max_price_cents,
            isFree: req.is_free,
            search: req.search,
            sort: req.sort,
            includeUnpublished: req.include_unpublished,
          },
          encodeReply.page,
        ),
      ),

    ListMyCourses: async (req, call) =>
      coursePageMessage(
        await listMyCourses(deps, await caller(call.authorization), { page: req.page, pageSize: req.page_size, status: req.status }),
      ),

    ListCategories: async (_req, call) => {
      await maybeCaller(call.authorization);
      return new EncodedReply<CategoryList>(await listCategories(deps, encodeReply.categories));
    },

    ListPopularCourses: async (req, call) => {
      await maybeCaller(call.authorization);
      return new EncodedReply<CourseList>(await listTopCourses(deps, 'popular', { limit: req.limit, category: req.category }, encodeReply.courses));
    },

    ListTopRatedCourses: async (req, call) => {
      await maybeCaller(call.authorization);
      return new EncodedReply<CourseList>(await listTopCourses(deps, 'rated', { limit: req.limit, category: req.category }, encodeReply.courses));
    },

    BatchGetCourses: async (req, call) => ({
      items: (await batchGetCourses(deps, await maybeCaller(call.authorization), { ids: req.ids })).map(courseMessage),
    }),

    // ------------------------------------------------------------------------------------ sections
    CreateSection: async (req, call) => {
      const who = await caller(call.authorization);
      const cmd = { courseId: req.course_id, title: req.title, description: req.description };
      return sectionMessage(await write((uow) => createSection(uow, who, cmd)));
    },

    UpdateSection: async (req, call) => {
      const who = await caller(call.authorization);
      const cmd = { sectionId: req.section_id, fields: req.fields, title: req.title, description: req.description };
      return sectionMessage(await write((uow) => updateSection(uow, who, cmd)));
    },

    DeleteSection: async (req, call) => {
      const who = await caller(call.authorization);
      await write((uow) => deleteSection(uow, who, { sectionId: req.section_id }));
      return {};
    },

    // ------------------------------------------------------------------------------------ lessons
    CreateLesson: async (req, call) => {
      const who = await caller(call.authorization);
      const input = await prepareCreateLesson(deps, { ...lessonInput(req), courseId: req.course_id, fields: req.fields });
      return lessonMessage(await write((uow) => createLesson(uow, deps, who, input)));
    },

    UpdateLesson: async (req, call) => {
      const who = await caller(call.authorization);
      const input = await prepareUpdateLesson(deps, { ...lessonInput(req), lessonId: req.lesson_id, fields: req.fields });
      return lessonMessage(await write((uow) => updateLesson(uow, deps, who, input)));
    },

    DeleteLesson: async (req, call) => {
      const who = await caller(call.authorization);
      await write((uow) => deleteLesson(uow, deps, who, { lessonId: req.lesson_id }));
      return {};
    },

    PublishLesson: async (req, call) => {
      const who = await caller(call.authorization);
      return lessonMessage(await write((uow) => publishLesson(uow, who, { lessonId: req.lesson_id })));
    },

    UnpublishLesson: async (req, call) => {
      const who = await caller(call.authorization);
      return lessonMessage(await write((uow) => unpublishLesson(uow, who, { lessonId: req.lesson_id })));
    },

    GetLesson: async (req, call) => lessonMessage(await getLesson(deps, await maybeCaller(call.authorization), { lessonId: req.lesson_id })),

    ListLessons: async (req, call) => ({
      items: (await listLessons(deps, await maybeCaller(call.authorization), { courseId: req.course_id })).map((l) =>
        lessonMessage(l, false),
      ),
    }),

    ReorderLessons: async (req, call) => {
      const who = await caller(call.authorization);
      const cmd = { courseId: req.course_id, sections: req.sections.map((s) => ({ sectionId: s.section_id, lessonIds: s.lesson_ids })) };
      return outlineMessage(await write((uow) => reorderLessons(uow, deps, who, cmd)));
    },

    MoveLesson: async (req, call) => {
      const who = await caller(call.authorization);
      const cmd = { lessonId: req.lesson_id, newOrderIndex: req.new_order_index };
      return lessonMessage(await write((uow) => moveLesson(uow, deps, who, cmd)));
    },

    // ------------------------------------------------------------------------------------ other services
    GetCourseOutline: async (req, call) =>
      outlineMessage(await getCourseOutline(deps, await maybeCaller(call.authorization), { courseId: req.course_id })),

    IsCourseOwner: async (req, call) => {
      const answer = await isCourseOwner(deps, await caller(call.authorization), { courseId: req.course_id, userId: req.user_id });
      return { exists: answer.exists, is_owner: answer.isOwner };
    },

    CanReadLessonFile: async (req, call) => {
      const answer = await canReadLessonFile(deps, call.callerService, await maybeCaller(call.authorization), { fileId: req.file_id });
      return { allowed: answer.allowed, lesson_ids: answer.lessonIds };
    },
  };
}
