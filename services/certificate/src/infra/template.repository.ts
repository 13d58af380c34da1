import type { SqlSession } from '@lms/kit/db';

/** `certificate_templates`: the admins' templates (the built-in default lives in code, not here). */
export class TemplateRepository {
  constructor(private readonly sql: SqlSession) {}

  protected get session(): SqlSession {
    return this.sql;
  }
}
