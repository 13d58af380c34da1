import type { EnrollmentClient } from '@lms/kit/clients';
import { CourseReviewPageSchema, CourseReviewParams, CourseReviewsQuery } from '../openapi/review.schemas';
import { pageOf } from '../presentation/lists';
import { route, type AnyRoute } from './route';

const API = '/api/v1';

/**
 * Public course reviews (issue 12 item 4). One review per enrolment: reviewing again edits it (the
 * enrollment service's ReviewEnrollment), so the list, catalog's average_rating and total_reviews agree.
 */
export function reviewRoutes(enrollment: EnrollmentClient): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: `${API}/courses/{course_id}/reviews`,
      operationId: 'listCourseReviews',
      summary: "A published course's ratings and reviews, newest first (public): reviewer name, rating, text, date",
      description:
        'One review per enrolment (a second review by the same student replaces the first). An unknown course, or one that is ' +
        "not published, is 404 like the course itself (its instructor and admins still see its reviews with a token).",
      tags: ['Reviews'],
      access: 'optional',
      params: CourseReviewParams,
      query: CourseReviewsQuery,
      success: { status: 200, description: 'One page of reviews', schema: CourseReviewPageSchema },
      errors: [404],
      handle: async ({ params, query }) => {
        const page = await enrollment.ListCourseReviews({ course_id: params.course_id, page: query.page, page_size: query.page_size });
        // Built field by field: nothing the service might add reaches the public answer by accident.
        return pageOf('reviews', page, (r) => ({ student_name: r.student_name, rating: r.rating, review: r.review, reviewed_at: r.reviewed_at }));
      },
    }),
  ];
}
