/** The `source` of events this service would publish (it publishes none today). */
export const EVENT_SOURCE = 'lms/analytics';
