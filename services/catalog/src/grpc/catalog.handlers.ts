import type { UnaryHandlers } from '@lms/kit/grpc';
import type { CatalogServiceDefinition } from '@lms/kit/generated/lms/catalog/v1/CatalogService';
import type { CatalogDeps } from '../app/deps';
import { authenticate, viewer } from '../app/shared';
import { createCourse } from '../app/commands/create-course';
import { updateCourse } from '../app/commands/update-course';
import { archiveCourse, publishCourse, unarchiveCourse, unpublishCourse } from '../app/commands/publish-course';
import { deleteCourse } from '../app/commands/delete-course';
import { createSection, deleteSection, updateSection } from '../app/commands/manage-sections';
import { createLesson } from '../app/commands/create-lesson';
import { publishLesson, unpublishLesson, updateLesson } from '../app/commands/update-lesson';
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
import {
  courseInput,
  courseMessage,
  coursePageMessage,
  lessonInput,
  lessonMessage,
  outlineMessage,
  sectionMessage,
} from './catalog.messages';

/** The CatalogService over gRPC: decode the request, verify the caller, call the use case, encode the reply. */
export function catalogHandlers(deps: CatalogDeps): UnaryHandlers<CatalogServiceDefinition> {
  const caller = (authorization: string | undefined) => authenticate(deps, authorization);
  const maybeCaller = (authorization: string | undefined) => viewer(deps, authorization);
  return {
    // ------------------------------------------------------------------------------------ courses
    CreateCourse: async (req, call) =>
      courseMessage(await createCourse(deps, await caller(call.authorization), { ...courseInput(req), instructorId: req.instructor_id })),

    UpdateCourse: async (req, call) =>
      courseMessage(
        await updateCourse(deps, await caller(call.authorization), { ...courseInput(req), courseId: req.course_id, fields: req.fields }),
      ),

    DeleteCourse: async (req, call) => {
      await deleteCourse(deps, await caller(call.authorization), { courseId: req.course_id });
      return {};
    },

    PublishCourse: async (req, call) =>
      courseMessage(await publishCourse(deps, await caller(call.authorization), { courseId: req.course_id })),

    UnpublishCourse: async (req, call) =>
      courseMessage(await unpublishCourse(deps, await caller(call.authorization), { courseId: req.course_id })),

    ArchiveCourse: async (req, call) =>
      courseMessage(await archiveCourse(deps, await caller(call.authorization), { courseId: req.course_id })),
    UnarchiveCourse: async (req, call) =>
      courseMessage(await unarchiveCourse(deps, await caller(call.authorization), { courseId: req.course_id })),

    GetCourse: async (req, call) => courseMessage(await getCourse(deps, await maybeCaller(call.authorization), { courseId: req.course_id })),

    GetCourseBySlug: async (req, call) =>
      courseMessage(await getCourseBySlug(deps, await maybeCaller(call.authorization), { slug: req.slug })),

    ListCourses: async (req, call) =>
      coursePageMessage(
        await listCourses(deps, await maybeCaller(call.authorization), {
          page: req.page,
          pageSize: req.page_size,
          category: req.category,
          difficultyLevel: req.difficulty_level,
          instructorId: req.instructor_id,
          minPriceCents: req.min_price_cents,
          maxPriceCents: req.max_price_cents,
          isFree: req.is_free,
          search: req.search,
          sort: req.sort,
          includeUnpublished: req.include_unpublished,
        }),
      ),

    ListMyCourses: async (req, call) =>
      coursePageMessage(
        await listMyCourses(deps, await caller(call.authorization), { page: req.page, pageSize: req.page_size, status: req.status }),
      ),

    ListCategories: async (_req, call) => {
      await maybeCaller(call.authorization);
      return { items: (await listCategories(deps)).map((c) => ({ name: c.name, course_count: c.count })) };
    },

    ListPopularCourses: async (req, call) => {
      await maybeCaller(call.authorization);
      return { items: (await listTopCourses(deps, 'popular', { limit: req.limit, category: req.category })).map(courseMessage) };
    },

    ListTopRatedCourses: async (req, call) => {
      await maybeCaller(call.authorization);
      return { items: (await listTopCourses(deps, 'rated', { limit: req.limit, category: req.category })).map(courseMessage) };
    },

    BatchGetCourses: async (req, call) => ({
      items: (await batchGetCourses(deps, await maybeCaller(call.authorization), { ids: req.ids })).map(courseMessage),
    }),

    // ------------------------------------------------------------------------------------ sections
    CreateSection: async (req, call) =>
      sectionMessage(
        await createSection(deps, await caller(call.authorization), {
          courseId: req.course_id,
          title: req.title,
          description: req.description,
        }),
      ),

    UpdateSection: async (req, call) =>
      sectionMessage(
        await updateSection(deps, await caller(call.authorization), {
          sectionId: req.section_id,
          fields: req.fields,
          title: req.title,
          description: req.description,
        }),
      ),

    DeleteSection: async (req, call) => {
      await deleteSection(deps, await caller(call.authorization), { sectionId: req.section_id });
      return {};
    },

    // ------------------------------------------------------------------------------------ lessons
    CreateLesson: async (req, call) =>
      lessonMessage(
        await createLesson(deps, await caller(call.authorization), { ...lessonInput(req), courseId: req.course_id, fields: req.fields }),
      ),

    UpdateLesson: async (req, call) =>
      lessonMessage(
        await updateLesson(deps, await caller(call.authorization), { ...lessonInput(req), lessonId: req.lesson_id, fields: req.fields }),
      ),

    DeleteLesson: async (req, call) => {
      await deleteLesson(deps, await caller(call.authorization), { lessonId: req.lesson_id });
      return {};
    },

    PublishLesson: async (req, call) =>
      lessonMessage(await publishLesson(deps, await caller(call.authorization), { lessonId: req.lesson_id })),

    UnpublishLesson: async (req, call) =>
      lessonMessage(await unpublishLesson(deps, await caller(call.authorization), { lessonId: req.lesson_id })),

    GetLesson: async (req, call) => lessonMessage(await getLesson(deps, await maybeCaller(call.authorization), { lessonId: req.lesson_id })),

    ListLessons: async (req, call) => ({
      items: (await listLessons(deps, await maybeCaller(call.authorization), { courseId: req.course_id })).map((l) =>
        lessonMessage(l, false),
      ),
    }),

    ReorderLessons: async (req, call) =>
      outlineMessage(
        await reorderLessons(deps, await caller(call.authorization), {
          courseId: req.course_id,
          sections: req.sections.map((s) => ({ sectionId: s.section_id, lessonIds: s.lesson_ids })),
        }),
      ),

    MoveLesson: async (req, call) =>
      lessonMessage(
        await moveLesson(deps, await caller(call.authorization), { lessonId: req.lesson_id, newOrderIndex: req.new_order_index }),
      ),

    // ------------------------------------------------------------------------------------ other services
    GetCourseOutline: async (req, call) =>
      outlineMessage(await getCourseOutline(deps, await maybeCaller(call.authorization), { courseId: req.course_id })),

    IsCourseOwner: async (req, call) => {
      const answer = await isCourseOwner(deps, await caller(call.authorization), { courseId: req.course_id, userId: req.user_id });
      return { exists: answer.exists, is_owner: answer.isOwner };
    },
  };
}
