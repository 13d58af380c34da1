import {
  AppError,
  ConflictError,
  NotFoundError,
  PermissionDeniedError,
  PreconditionError,
  UnavailableError,
  ValidationError,
  type FieldError,
} from '@lms/kit/errors';

/**
 * Every refusal of the catalog service, with its stable code. The kit maps the kind to a gRPC status
 * once; the gateway maps that to HTTP once. Messages are safe to show to the caller.
 */
export const CatalogErrors = {
  validation: (fields: FieldError[]) => new ValidationError('The request is invalid', fields),
  courseNotFound: () => new NotFoundError('Course not found', 'CATALOG.COURSE_NOT_FOUND'),
  sectionNotFound: () => new NotFoundError('Section not found', 'CATALOG.SECTION_NOT_FOUND'),
  lessonNotFound: () => new NotFoundError('Lesson not found', 'CATALOG.LESSON_NOT_FOUND'),
  notOwner: () =>
    new PermissionDeniedError('Only the course instructor or an administrator can change this course', 'CATALOG.NOT_COURSE_OWNER'),
  instructorRequired: () =>
    new PermissionDeniedError('Only instructors and administrators can do this', 'CATALOG.INSTRUCTOR_REQUIRED'),
  instructorIdAdminOnly: () =>
    new PermissionDeniedError('Only administrators can create a course on behalf of another instructor', 'CATALOG.ADMIN_REQUIRED'),
  enrollmentRequired: () =>
    new PermissionDeniedError('Enrol in the course to open this lesson', 'CATALOG.ENROLLMENT_REQUIRED'),
  slugTaken: () => new ConflictError('Another course already uses this slug', 'CATALOG.SLUG_TAKEN'),
  lessonSlugTaken: () => new ConflictError('Another lesson of this course already uses this slug', 'CATALOG.LESSON_SLUG_TAKEN'),
  noPublishedLesson: () =>
    new PreconditionError(
      'A course needs at least one published lesson before it can be published: publish a lesson first',
      'CATALOG.NO_PUBLISHED_LESSON',
    ),
  lastPublishedLesson: () =>
    new PreconditionError(
      'This is the last published lesson of a published course: unpublish the course first',
      'CATALOG.LAST_PUBLISHED_LESSON',
    ),
  courseArchived: () =>
    new PreconditionError('The course is archived and cannot be published', 'CATALOG.COURSE_ARCHIVED'),
  courseHasEnrollments: () =>
    new PreconditionError(
      'Students are (or were) enrolled in this course, so it cannot be deleted: archive it instead',
      'CATALOG.COURSE_HAS_ENROLLMENTS',
    ),
  sectionNotEmpty: () =>
    new PreconditionError('The section still has lessons: move or delete them first', 'CATALOG.SECTION_NOT_EMPTY'),
  mediaUnavailable: () =>
    new UnavailableError('Cannot check the lesson\'s files with the media service now; try again shortly', 'CATALOG.MEDIA_UNAVAILABLE'),
  mediaCallerOnly: () =>
    new PermissionDeniedError('Only the media service may ask which lessons reference a file', 'CATALOG.MEDIA_CALLER_ONLY'),
} satisfies Record<string, (...args: never[]) => AppError>;
