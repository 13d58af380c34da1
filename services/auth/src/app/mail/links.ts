/**
 * The web app's pages that emails link to, under APP_BASE_URL. The seed defines no frontend URLs; these
 * are the fleet's (documented in services/auth/README.md, "Emails"): the page reads `token` from the
 * query and posts it to `/api/v1/auth/password-reset/confirm` or `/api/v1/auth/verify-email`.
 */
export const appLinks = {
  resetPassword: (base: string, token: string) => link(base, '/reset-password', { token }),
  verifyEmail: (base: string, token: string) => link(base, '/verify-email', { token }),
  forgotPassword: (base: string) => link(base, '/forgot-password'),
  course: (base: string, courseId: string) => link(base, `/courses/${encodeURIComponent(courseId)}`),
};

function link(base: string, path: string, query: Record<string, string> = {}): string {
  const url = new URL(base.replace(/\/+$/, '') + path);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return url.toString();
}

/** "in 60 minutes" / "in 24 hours" for a token's lifetime. */
export function validFor(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} hour${seconds === 3600 ? '' : 's'}`;
  const minutes = Math.max(1, Math.round(seconds / 60));
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
