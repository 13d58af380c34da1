import { z } from './zod';
import { Pagination } from './schemas';
import { NullableText, NullableTimestamp } from '../presentation/public-shape';
import { pageSchema } from '../presentation/lists';

/**
 * `GET /courses/{course_id}/reviews` (public): a course's ratings and reviews, newest first. A review shows
 * the reviewer's name, rating, text and date only — no student id, no email, no enrolment id.
 */
export const CourseReviewParams = z.object({ course_id: z.string().uuid().openapi({ param: { name: 'course_id', in: 'path' } }) }).strict();

export const CourseReviewsQuery = z.object({ ...Pagination }).strict();

export const CourseReviewSchema = z
  .object({
    student_name: NullableText().openapi({ description: "The reviewer's full name when they (last) reviewed; null for a deleted account" }),
    rating: z.number().int().min(1).max(5),
    review: NullableText().openapi({ description: 'null for a rating without text' }),
    reviewed_at: NullableTimestamp(),
  })
  .strict()
  .openapi('CourseReview');

export const CourseReviewPageSchema = pageSchema('CourseReviewList', 'reviews', CourseReviewSchema).openapi('CourseReviewPage');
