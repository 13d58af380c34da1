import type { FieldError } from '@lms/kit/errors';
import { parseTemplate } from './template-engine';

export const TEMPLATE_LIMITS = { htmlBytes: 200 * 1024, cssBytes: 100 * 1024, nameChars: 255, descriptionChars: 500 } as const;

/**
 * What a stored template must satisfy: sizes, placeholders from the fixed list with balanced sections, and CSS
 * that cannot close the `<style>` element it is printed in (everything after `</style` would be markup).
 * The CSS is printed as is (it is an admin's, and the page loads nothing): it takes no placeholders.
 */
export function templateSourceProblems(source: { html?: string; css?: string }): FieldError[] {
  const errors: FieldError[] = [];
  if (source.html !== undefined) {
    if (source.html.trim() === '') errors.push({ loc: ['html_template'], msg: 'is required' });
    else if (Buffer.byteLength(source.html) > TEMPLATE_LIMITS.htmlBytes)
      errors.push({ loc: ['html_template'], msg: `must be at most ${TEMPLATE_LIMITS.htmlBytes / 1024} KB` });
    else {
      const parsed = parseTemplate(source.html);
      if (!parsed.ok) for (const problem of parsed.problems) errors.push({ loc: ['html_template'], msg: problem });
    }
  }
  if (source.css !== undefined) {
    if (Buffer.byteLength(source.css) > TEMPLATE_LIMITS.cssBytes)
      errors.push({ loc: ['css_styles'], msg: `must be at most ${TEMPLATE_LIMITS.cssBytes / 1024} KB` });
    else if (/<\/style/i.test(source.css)) errors.push({ loc: ['css_styles'], msg: 'must not contain "</style"' });
  }
  return errors;
}
