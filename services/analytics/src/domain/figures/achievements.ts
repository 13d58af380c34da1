/** The learner's achievements: kinds, lesson milestones and titles. */

export const LESSON_MILESTONES = [1, 10, 50, 100, 500] as const;

export type AchievementKind = 'course_completed' | 'certificate_earned' | 'lessons_milestone' | 'perfect_quiz';

export interface AchievementView {
  kind: AchievementKind;
  title: string;
  courseId: string;
  courseTitle: string;
  achievedAt: Date;
  value: number;
  certificateNumber: string;
}

export function achievementTitle(kind: AchievementKind, detail: { courseTitle?: string; value?: number; quizTitle?: string }): string {
  switch (kind) {
    case 'course_completed':
      return `Completed ${detail.courseTitle || 'a course'}`;
    case 'certificate_earned':
      return `Certificate for ${detail.courseTitle || 'a course'}`;
    case 'lessons_milestone':
      return detail.value === 1 ? 'First lesson completed' : `${detail.value} lessons completed`;
    case 'perfect_quiz':
      return `Perfect score on ${detail.quizTitle || 'a quiz'}`;
  }
}

/** Newest first; ties by kind then course, so the order is stable. */
export function sortAchievements(list: AchievementView[]): AchievementView[] {
  return [...list].sort(
    (a, b) => b.achievedAt.getTime() - a.achievedAt.getTime() || a.kind.localeCompare(b.kind) || a.courseId.localeCompare(b.courseId) || b.value - a.value,
  );
}
