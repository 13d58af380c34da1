/** A certificate template: the admins' rows of `certificate_templates`, and the built-in default (code, read-only). */
export interface TemplateRecord {
  id: string;
  name: string;
  description: string | null;
  htmlTemplate: string;
  cssStyles: string | null;
  /** The platform-wide default (never with a course). */
  isDefault: boolean;
  isActive: boolean;
  /** null = platform-wide. */
  courseId: string | null;
  createdAt: Date;
  updatedAt: Date;
  builtIn: boolean;
}

/** The shipped template's id: listed with the admins' templates, never stored. */
export const BUILT_IN_TEMPLATE_ID = '00000000-0000-4000-8000-000000000001';

/**
 * Which template prints a course's certificates: its own active template, else the active platform default,
 * else the built-in one.
 */
export function chooseTemplate<T extends Pick<TemplateRecord, 'isActive'>>(courseTemplate: T | null, platformDefault: T | null, builtIn: T): T {
  if (courseTemplate?.isActive) return courseTemplate;
  if (platformDefault?.isActive) return platformDefault;
  return builtIn;
}
