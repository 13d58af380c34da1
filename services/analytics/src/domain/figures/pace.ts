import { DAY_MS, utcDay, wholeDaysBetween } from './dates';

/**
 * The seed's estimated completion date from the learner's pace: with 0 < progress < 100 and at least one whole
 * day since enrolling, pace = progress / days and the estimate is now + (100 − progress) / pace days (its UTC
 * date); "" otherwise (not started, finished, or enrolled today).
 */
export function estimatedCompletionDate(progress: number, enrolledAt: Date | null, now: Date): string {
  if (!enrolledAt || !(progress > 0 && progress < 100)) return '';
  const days = wholeDaysBetween(enrolledAt, now);
  if (days < 1) return '';
  const remainingDays = (100 - progress) / (progress / days);
  return utcDay(new Date(now.getTime() + remainingDays * DAY_MS));
}
