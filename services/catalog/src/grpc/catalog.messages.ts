import type { Course as CourseMessage } from '@lms/kit/generated/lms/catalog/v1/Course';
import type { CourseOutline } from '@lms/kit/generated/lms/catalog/v1/CourseOutline';
import type { CoursePage } from '@lms/kit/generated/lms/catalog/v1/CoursePage';
import type { Lesson as LessonMessage } from '@lms/kit/generated/lms/catalog/v1/Lesson';
import type { Section as SectionMessage } from '@lms/kit/generated/lms/catalog/v1/Section';
import type { CatalogServiceDefinition } from '@lms/kit/generated/lms/catalog/v1/CatalogService';
import { loadService, protoTime } from '@lms/kit/grpc';
import { courseStatus, type CourseInput } from '../domain/course';
import type { Lesson, LessonInput, Section } from '../domain/lesson';
import type { Outline } from '../app/queries/get-course-outline';
import type { CourseView, Page } from '../app/shared';

/** Wire ↔ use-case shapes: snake_case messages, RFC 3339 strings ("" = unset, kit `protoTime`), int64 as strings. */

const wire = loadService('lms/catalog/v1/catalog.proto', 'lms.catalog.v1.CatalogService').service as unknown as CatalogServiceDefinition;

/**
 * The replies of the cacheable queries, encoded as their methods send them (the queries take these; the handlers
 * answer the bytes as kit EncodedReply): a cached public answer goes out as stored.
 */
export const encodeReply = {
  course: (course: CourseView): Buffer => wire.GetCourse.responseSerialize(courseMessage(course)),
  page: (page: Page<CourseView>): Buffer => wire.ListCourses.responseSerialize(coursePageMessage(page)),
  categories: (categories: { name: string; count: number }[]): Buffer =>
    wire.ListCategories.responseSerialize({ items: categories.map((c) => ({ name: c.name, course_count: c.count })) }),
  courses: (courses: CourseView[]): Buffer => wire.ListPopularCourses.responseSerialize({ items: courses.map(courseMessage) }),
};

export function courseMessage(course: CourseView): CourseMessage {
  return {
    id: course.id,
    title: course.title,
    slug: course.slug,
    description: course.description,
    long_description: course.longDescription,
    category: course.category,
    difficulty_level: course.difficultyLevel,
    language: course.language,
    status: courseStatus(course),
    price_cents: course.priceCents,
    currency: course.currency,
    thumbnail_url: course.thumbnailUrl,
    preview_video_url: course.previewVideoUrl,
    requirements: course.requirements,
    learning_objectives: course.learningObjectives,
    tags: course.tags,
    access_days: course.accessDays ?? 0,
    video_completion_threshold: course.videoCompletionThreshold,
    instructor_id: course.instructorId,
    instructor: {
      id: course.instructor.id,
      full_name: course.instructor.fullName,
      bio: course.instructor.bio,
      avatar_url: course.instructor.avatarUrl ?? '',
    },
    is_published: course.isPublished,
    published_at: protoTime(course.publishedAt),
    archived_at: protoTime(course.archivedAt),
    estimated_duration_minutes: course.estimatedDurationMinutes,
    version: course.version,
    total_lessons: course.totalLessons,
    total_quizzes: course.totalQuizzes,
    enrollment_count: course.enrollmentCount,
    average_rating: course.averageRating,
    rating_count: course.ratingCount,
    created_at: protoTime(course.createdAt),
    updated_at: protoTime(course.updatedAt),
  };
}

export function coursePageMessage(page: Page<CourseView>): CoursePage {
  return {
    items: page.items.map(courseMessage),
    total: page.total,
    page: page.page,
    page_size: page.pageSize,
    total_pages: page.totalPages,
  };
}

export function lessonMessage(lesson: Lesson, withContent = true): LessonMessage {
  return {
    id: lesson.id,
    course_id: lesson.courseId,
    section_id: lesson.sectionId,
    title: lesson.title,
    slug: lesson.slug,
    description: lesson.description,
    content: withContent ? lesson.content : '',
    lesson_type: lesson.lessonType,
    order_index: lesson.orderIndex,
    duration_minutes: lesson.durationMinutes,
    video_url: lesson.videoUrl,
    resources: lesson.resources.map((r) => ({ title: r.title, url: r.url, type: r.type })),
    is_preview: lesson.isPreview,
    is_published: lesson.isPublished,
    counts_toward_completion: lesson.countsTowardCompletion,
    unlock_at: protoTime(lesson.unlockAt),
    unlock_after_days: lesson.unlockAfterDays,
    prerequisite: lesson.prerequisite,
    video_file_id: lesson.videoFileId ?? '',
    attachments: lesson.attachments.map((a) => ({
      file_id: a.fileId,
      filename: a.filename,
      file_type: a.fileType,
      mime_type: a.mimeType,
      file_size: a.fileSize,
    })),
    created_at: protoTime(lesson.createdAt),
    updated_at: protoTime(lesson.updatedAt),
  };
}

export function sectionMessage(section: Section & { lessons?: Lesson[] }): SectionMessage {
  return {
    id: section.id,
    course_id: section.courseId,
    title: section.title,
    description: section.description,
    order_index: section.orderIndex,
    lessons: (section.lessons ?? []).map((l) => lessonMessage(l, false)),
    created_at: protoTime(section.createdAt),
    updated_at: protoTime(section.updatedAt),
  };
}

export function outlineMessage(outline: Outline): CourseOutline {
  return {
    course_id: outline.courseId,
    version: outline.version,
    is_published: outline.isPublished,
    instructor_id: outline.instructorId,
    sections: outline.sections.map(sectionMessage),
    countable_lesson_ids: outline.countableLessonIds,
    access_days: outline.accessDays ?? 0,
    video_completion_threshold: outline.videoCompletionThreshold,
  };
}

interface CourseFieldsOnWire {
  title: string;
  slug: string;
  description: string;
  long_description: string;
  category: string;
  difficulty_level: string;
  language?: string;
  price_cents: string;
  currency: string;
  thumbnail_url: string;
  preview_video_url: string;
  requirements: string[];
  learning_objectives: string[];
  tags: string[];
  access_days?: number;
  video_completion_threshold?: number;
}

export function courseInput(req: CourseFieldsOnWire): CourseInput {
  return {
    title: req.title,
    slug: req.slug,
    description: req.description,
    longDescription: req.long_description,
    category: req.category,
    difficultyLevel: req.difficulty_level,
    language: req.language ?? '',
    priceCents: req.price_cents,
    currency: req.currency,
    thumbnailUrl: req.thumbnail_url,
    previewVideoUrl: req.preview_video_url,
    requirements: req.requirements,
    learningObjectives: req.learning_objectives,
    tags: req.tags,
    accessDays: req.access_days ?? 0,
    videoCompletionThreshold: req.video_completion_threshold ?? 0,
  };
}

interface LessonFieldsOnWire {
  section_id: string;
  title: string;
  slug: string;
  description: string;
  content: string;
  lesson_type: string;
  duration_minutes: number;
  video_url: string;
  resources: { title: string; url: string; type: string }[];
  is_preview: boolean;
  counts_toward_completion: boolean;
  unlock_at: string;
  unlock_after_days: number;
  prerequisite: string;
  video_file_id: string;
  attachment_file_ids: string[];
}

export function lessonInput(req: LessonFieldsOnWire): LessonInput {
  return {
    sectionId: req.section_id,
    title: req.title,
    slug: req.slug,
    description: req.description,
    content: req.content,
    lessonType: req.lesson_type,
    durationMinutes: req.duration_minutes,
    videoUrl: req.video_url,
    resources: req.resources,
    isPreview: req.is_preview,
    countsTowardCompletion: req.counts_toward_completion,
    unlockAt: req.unlock_at,
    unlockAfterDays: req.unlock_after_days,
    prerequisite: req.prerequisite,
    videoFileId: req.video_file_id,
    attachmentFileIds: req.attachment_file_ids,
  };
}
