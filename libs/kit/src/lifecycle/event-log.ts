import type { Sequelize } from 'sequelize';
import { PermissionDeniedError, ValidationError, type FieldError } from '../errors';
import type { EventLogOptions } from '../events';
import type { EventLogServiceDefinition } from '../generated/lms/eventlog/v1/EventLogService';
import type { UnaryHandlers } from '../grpc';

export const EVENT_LOG_PROTO = 'lms/eventlog/v1/event_log.proto';
export const EVENT_LOG_SERVICE = 'lms.eventlog.v1.EventLogService';

const SEQ = /^\d{1,18}$/;

/**
 * ReadEvents of a service's event log (events/event-log.ts): internal only — the kit server has verified the
 * caller's service token; the caller must also be one of `readers` (PERMISSION_DENIED otherwise).
 */
export function eventLogHandlers(sequelize: Sequelize, options: EventLogOptions): UnaryHandlers<EventLogServiceDefinition> {
  // Required here, not at the top: this folder is also the gateway's (runService), which never loads the broker.
  const { DEFAULT_EVENT_LOG_READERS, EVENT_LOG_DEFAULT_LIMIT, EVENT_LOG_MAX_LIMIT, readEventLog } = require('../events') as typeof import('../events');
  const readers = new Set(options.readers ?? DEFAULT_EVENT_LOG_READERS);
  const logged = new Set(options.types);
  return {
    ReadEvents: async (req, call) => {
      if (!readers.has(call.callerService)) {
        throw new PermissionDeniedError(`The event log is not readable by ${call.callerService}`, 'EVENT_LOG.READER_NOT_ALLOWED');
      }
      const problems: FieldError[] = [];
      const afterSeq = req.after_seq === '' ? '0' : req.after_seq;
      if (!SEQ.test(afterSeq)) problems.push({ loc: ['after_seq'], msg: 'must be "" or a position (digits)' });
      if (req.limit > EVENT_LOG_MAX_LIMIT) problems.push({ loc: ['limit'], msg: `must be at most ${EVENT_LOG_MAX_LIMIT}` });
      if (problems.length) throw new ValidationError('Invalid event log request', problems);
      const types = req.types.length ? req.types.filter((type) => logged.has(type)) : [...logged];
      const page = await readEventLog(sequelize, { afterSeq, limit: req.limit || EVENT_LOG_DEFAULT_LIMIT, types });
      return {
        events: page.events.map(({ seq, event }) => ({ seq, cloud_event_json: JSON.stringify(event) })),
        next_after_seq: page.nextAfterSeq === '0' && req.after_seq === '' ? '' : page.nextAfterSeq,
        end: page.end,
      };
    },
  };
}
