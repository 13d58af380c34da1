/** The names of the fields present in a partial-update body (sent to a service as `fields`). */
export function presentFields(body: Record<string, unknown>): string[] {
  return Object.keys(body).filter((k) => body[k] !== undefined);
}
