import type { Migration } from '@lms/kit/db';

/**
 * `certificates`: one per enrolment (unique `enrollment_id`), with the snapshot printed on it (names, title,
 * dates, grade, hours — frozen at issue time), its revocation, where its PDF is (`pdf_key`, null until the render
 * job stored it) and its entry in a Bitstring Status List. `certificate_templates`: the seed's templates (platform
 * default + per course); the shipped default lives in code and is not a row. `issuer_keys`: the Ed25519 keys that
 * sign verifiable credentials (public JWK always; the private key only when generated for development).
 * `status_lists`: allocation of status-list indexes (one row per list, locked while an index is taken).
 */
export const certificatesMigration: Migration = {
  name: '0001-certificates',
  async up(qi) {
    await qi.sequelize.query(`
      CREATE TABLE status_lists (
        id integer PRIMARY KEY,
        size integer NOT NULL CHECK (size > 0),
        allocated integer NOT NULL DEFAULT 0 CHECK (allocated >= 0 AND allocated <= size),
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE certificate_templates (
        id uuid PRIMARY KEY,
        name varchar(255) NOT NULL,
        description varchar(500),
        html_template text NOT NULL,
        css_styles text,
        is_default boolean NOT NULL DEFAULT false,
        is_active boolean NOT NULL DEFAULT true,
        course_id uuid,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CHECK (NOT (is_default AND course_id IS NOT NULL))
      );
      CREATE INDEX certificate_templates_course_idx ON certificate_templates (course_id);
      -- at most one active platform default, and one active template per course
      CREATE UNIQUE INDEX certificate_templates_one_default ON certificate_templates ((true)) WHERE is_default AND is_active;
      CREATE UNIQUE INDEX certificate_templates_one_per_course ON certificate_templates (course_id) WHERE course_id IS NOT NULL AND is_active;

      CREATE TABLE certificates (
        id uuid PRIMARY KEY,
        certificate_number varchar(32) NOT NULL UNIQUE,
        enrollment_id uuid NOT NULL UNIQUE,
        student_id uuid NOT NULL,
        course_id uuid NOT NULL,
        student_name varchar(255) NOT NULL,
        course_title varchar(255) NOT NULL,
        instructor_id uuid,
        instructor_name varchar(255) NOT NULL,
        completion_date timestamptz NOT NULL,
        final_grade varchar(10) NOT NULL,
        total_hours varchar(50),
        issued_by varchar(255) NOT NULL,
        signature_name varchar(255),
        issued_at timestamptz NOT NULL,
        issued_via varchar(8) NOT NULL CHECK (issued_via IN ('event', 'admin')),
        issued_by_user_id uuid,
        status varchar(8) NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'revoked')),
        revoked_at timestamptz,
        revocation_reason varchar(500),
        revoked_by uuid,
        pdf_key text,
        pdf_size integer,
        pdf_rendered_at timestamptz,
        -- the last time a render was asked for (issue, admin generate, a download finding it missing): re-asks are spaced
        pdf_requested_at timestamptz NOT NULL,
        template_id uuid,
        status_list_id integer NOT NULL REFERENCES status_lists (id),
        status_list_index integer NOT NULL,
        UNIQUE (status_list_id, status_list_index),
        CHECK ((status = 'revoked') = (revoked_at IS NOT NULL))
      );
      CREATE INDEX certificates_student_idx ON certificates (student_id, issued_at DESC, id DESC);
      CREATE INDEX certificates_course_idx ON certificates (course_id);
      CREATE INDEX certificates_revoked_idx ON certificates (status_list_id, status_list_index) WHERE status = 'revoked';

      CREATE TABLE issuer_keys (
        kid varchar(64) PRIMARY KEY,
        public_jwk jsonb NOT NULL,
        private_pkcs8 text,
        created_at timestamptz NOT NULL,
        retired_at timestamptz
      );
    `);
  },
  async down(qi) {
    await qi.sequelize.query(`DROP TABLE IF EXISTS issuer_keys, certificates, certificate_templates, status_lists`);
  },
};
