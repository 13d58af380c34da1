import { FieldChecker, type FieldError } from '@lms/kit/errors';
import { templateSourceProblems, TEMPLATE_LIMITS } from './template-rules';

/** The editable fields of a template, as an admin sends them. */
export interface TemplateFields {
  name: string;
  description: string;
  htmlTemplate: string;
  cssStyles: string;
  isDefault: boolean;
  isActive: boolean;
}

export const EDITABLE_FIELDS = ['name', 'description', 'html_template', 'css_styles', 'is_default', 'is_active'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/**
 * Checks the fields given (all of them at creation, the `fields` named at an update): every problem at once.
 * `courseId` is the template's course (null = platform-wide): a course's template cannot be the platform default.
 */
export function checkTemplateFields(fields: Partial<TemplateFields>, courseId: string | null): FieldError[] {
  const checker = new FieldChecker();
  if (fields.name !== undefined) {
    if (fields.name.trim() === '') checker.add('name', 'is required');
    else if (fields.name.trim().length > TEMPLATE_LIMITS.nameChars) checker.add('name', `must be at most ${TEMPLATE_LIMITS.nameChars} characters`);
  }
  if (fields.description !== undefined && fields.description.length > TEMPLATE_LIMITS.descriptionChars)
    checker.add('description', `must be at most ${TEMPLATE_LIMITS.descriptionChars} characters`);
  if (fields.isDefault && courseId !== null) checker.add('is_default', "a course's template cannot be the platform default");
  return [...checker.errors, ...templateSourceProblems({ html: fields.htmlTemplate, css: fields.cssStyles })];
}
