import type { SqlSession } from '@lms/kit/db';
import { CourseFiguresRepository } from './course-figures.repository';
import { PlatformFiguresRepository } from './platform-figures.repository';
import { StudentFiguresRepository } from './student-figures.repository';

/**
 * Reads of the read models for dashboards and reports (aggregates and index ranges of one student, course or
 * quiz; only the admin's platform figures sum whole aggregate tables). Three read repositories on one session.
 */
export class DashboardRepository {
  readonly students: StudentFiguresRepository;
  readonly courses: CourseFiguresRepository;
  readonly platform: PlatformFiguresRepository;

  constructor(protected readonly sql: SqlSession) {
    this.students = new StudentFiguresRepository(sql);
    this.courses = new CourseFiguresRepository(sql);
    this.platform = new PlatformFiguresRepository(sql);
  }
}
