/**
 * The grade printed on a certificate, from quiz's GetCourseGrade: the mean percentage of the student's graded
 * attempts in the course. No graded attempt → "Pass". Unlike the seed (which skipped attempts scoring 0 %: Python
 * truthiness), a graded 0 % attempt counts — it is a graded attempt (api-compat).
 */
export function finalGrade(gradedAttempts: number, averagePercentage: number): string {
  if (gradedAttempts <= 0) return 'Pass';
  if (averagePercentage >= 90) return 'A';
  if (averagePercentage >= 80) return 'B';
  if (averagePercentage >= 70) return 'C';
  return 'Pass';
}

/**
 * The time spent on the course, as printed: "45 minutes" under an hour ("1 minute"), "1 hour" under two, else
 * "N hours" (whole hours, rounded down). Unknown or zero → null (the certificate omits the line).
 */
export function totalHours(seconds: number): string | null {
  if (!Number.isFinite(seconds) || seconds <= 0) return null;
  if (seconds < 3600) {
    const minutes = Math.floor(seconds / 60);
    return minutes === 1 ? '1 minute' : `${minutes} minutes`;
  }
  if (seconds < 7200) return '1 hour';
  return `${Math.floor(seconds / 3600)} hours`;
}
