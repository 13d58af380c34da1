-- Creates one database per service on the single development PostgreSQL server of docker-compose.yml.
-- Run once by the postgres image's entrypoint, on an empty data volume only
-- (`docker compose down -v` to start over). Owner: POSTGRES_USER.
--
-- Adding a service: add its database here (and, on an existing volume, create it by hand:
--   docker compose exec postgres createdb -U lms lms_<name>).
-- In production each service should have its own role with rights on its own database only.
CREATE DATABASE lms_auth;
CREATE DATABASE lms_catalog;
CREATE DATABASE lms_enrollment;
CREATE DATABASE lms_quiz;
CREATE DATABASE lms_analytics;
CREATE DATABASE lms_media;
CREATE DATABASE lms_certificate;
