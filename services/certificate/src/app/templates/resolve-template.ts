import { chooseTemplate, type TemplateRecord } from '../../domain/templates/template.entities';
import type { TemplateRepository } from '../../infra/template.repository';
import { BUILT_IN_TEMPLATE } from '../../infra/templates/built-in-certificate';

/** The template that prints a course's certificates: the course's active one, the active platform default, or the built-in one. */
export async function resolveTemplate(templates: TemplateRepository, courseId: string): Promise<TemplateRecord> {
  const [courseTemplate, platformDefault] = await Promise.all([templates.findActiveForCourse(courseId), templates.findActiveDefault()]);
  return chooseTemplate(courseTemplate, platformDefault, BUILT_IN_TEMPLATE);
}
