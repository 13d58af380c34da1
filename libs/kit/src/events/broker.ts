import { EventEmitter } from 'node:events';
import amqp, { type ChannelModel, type ConfirmChannel, type Options } from 'amqplib';
import type { Logger } from 'pino';
import { UnavailableError } from '../errors';
import { EVENTS_EXCHANGE } from './envelope';

export interface BrokerOptions {
  url: string;
  logger: Logger;
  /** Connection name shown in the RabbitMQ management UI. */
  name: string;
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
}

type SetupHook = (connection: ChannelModel) => Promise<void>;

/**
 * One AMQP connection per process that reconnects by itself with backoff when the broker restarts
 * or the network drops. Publishing uses a confirm channel (resolved on broker ack). Consumers
 * register a setup hook that runs on every (re)connection to re-declare topology and re-consume.
 */
export class Broker extends EventEmitter {
  private connection?: ChannelModel;
  private publishChannel?: ConfirmChannel;
  private readonly hooks: SetupHook[] = [];
  private closing = false;
  private connecting?: Promise<void>;
  private reconnectTimer?: NodeJS.Timeout;
  private attempt = 0;
  private isBlocked = false;

  constructor(private readonly options: BrokerOptions) {
    super();
  }

  get connected(): boolean {
    return !!this.publishChannel;
  }

  /**
   * True while RabbitMQ blocks this connection's publishers (a memory or disk alarm): publishes are
   * accepted by the socket but nothing is confirmed until `unblocked`. Emits `blocked` / `unblocked`.
   */
  get blocked(): boolean {
    return this.isBlocked;
  }

  /**
   * Gives up on the publish channel (e.g. confirms that never came): closes it, which drops the
   * connection and lets the reconnect path rebuild everything. Unconfirmed messages count as not sent.
   */
  abandonPublishChannel(reason: string): void {
    const channel = this.publishChannel;
    const connection = this.connection;
    if (!channel) return;
    this.options.logger.warn({ reason }, 'abandoning the broker publish channel');
    this.publishChannel = undefined;
    void channel.close().catch(() => undefined);
    // a blocked connection may never answer channel.close: close the socket side too
    void connection?.close().catch(() => undefined);
  }

  /** Starts connecting in the background; resolves once connected or after `waitMs` (whichever first). */
  async start(waitMs = 0): Promise<boolean> {
    this.closing = false;
    void this.connect();
    if (waitMs <= 0) return this.connected;
    return this.waitUntilConnected(waitMs);
  }

  waitUntilConnected(timeoutMs: number): Promise<boolean> {
    if (this.connected) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.off('connected', onConnected);
        resolve(false);
      }, timeoutMs);
      const onConnected = () => {
        clearTimeout(timer);
        resolve(true);
      };
      this.once('connected', onConnected);
    });
  }

  /** Registers topology/consumers to (re)establish on every connection; runs now if connected. */
  async onConnect(hook: SetupHook): Promise<void> {
    this.hooks.push(hook);
    if (this.connection && this.connected) await hook(this.connection);
  }

  async publish(exchange: string, routingKey: string, content: Buffer, options: Options.Publish): Promise<void> {
    const channel = this.publishChannel;
    if (!channel) throw new UnavailableError('Message broker is not connected', 'BROKER_UNAVAILABLE');
    await new Promise<void>((resolve, reject) => {
      channel.publish(exchange, routingKey, content, { persistent: true, ...options }, (err) =>
        err ? reject(new UnavailableError('Broker did not confirm the message', 'BROKER_NACK', err)) : resolve(),
      );
    });
  }

  /**
   * Messages ready in each queue (metrics, throttled by their caller): one short-lived channel per check. A queue that
   * does not exist is left out (its failed check closes the channel: the rest go on on a new one).
   */
  async queueDepths(queues: readonly string[]): Promise<Map<string, number>> {
    const connection = this.connection;
    if (!connection) throw new UnavailableError('Message broker is not connected', 'BROKER_UNAVAILABLE');
    const open = async () => {
      const opened = await connection.createChannel();
      opened.on('error', () => undefined); // a missing queue's 404 closes the channel: expected here
      return opened;
    };
    const depths = new Map<string, number>();
    let channel = await open();
    try {
      for (const queue of queues) {
        try {
          depths.set(queue, (await channel.checkQueue(queue)).messageCount);
        } catch {
          channel = await open();
        }
      }
    } finally {
      await channel.close().catch(() => undefined);
    }
    return depths;
  }

  async close(): Promise<void> {
    this.closing = true;
    clearTimeout(this.reconnectTimer);
    await this.connecting?.catch(() => undefined);
    const connection = this.connection;
    this.connection = undefined;
    this.publishChannel = undefined;
    // A blocked broker stops reading our socket, so the close handshake may never finish: bounded wait.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      connection?.close().catch(() => undefined),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, 2000);
      }),
    ]);
    clearTimeout(timer);
  }

  private connect(): Promise<void> {
    if (this.connecting || this.closing) return this.connecting ?? Promise.resolve();
    this.connecting = this.doConnect().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private async doConnect(): Promise<void> {
    const { logger } = this.options;
    let connection: ChannelModel | undefined;
    try {
      connection = await amqp.connect(this.options.url, { clientProperties: { connection_name: this.options.name } });
      connection.on('error', (err) => logger.warn({ err: err.message }, 'broker connection error'));
      connection.on('close', () => this.handleClose(connection!));
      connection.on('blocked', (reason: string) => {
        if (this.connection !== connection) return;
        this.isBlocked = true;
        logger.warn({ reason }, 'broker blocked publishing (resource alarm)');
        this.emit('blocked', reason);
      });
      connection.on('unblocked', () => {
        if (this.connection !== connection) return;
        this.isBlocked = false;
        logger.info('broker unblocked publishing');
        this.emit('unblocked');
      });
      const channel = await connection.createConfirmChannel();
      channel.on('error', (err) => logger.warn({ err: err.message }, 'broker publish channel error'));
      channel.on('close', () => {
        // A channel closed by the broker (e.g. a precondition error) makes the connection unusable for us:
        // drop it and let the reconnect path rebuild everything.
        if (this.connection === connection && !this.closing) void connection?.close().catch(() => undefined);
      });
      await channel.assertExchange(EVENTS_EXCHANGE, 'topic', { durable: true });
      if (this.closing) {
        await connection.close().catch(() => undefined);
        return;
      }
      for (const hook of this.hooks) await hook(connection);
      this.connection = connection;
      this.publishChannel = channel;
      this.attempt = 0;
      logger.info('broker connected');
      this.emit('connected');
    } catch (err) {
      logger.warn({ err: (err as Error).message }, 'broker connection failed');
      await connection?.close().catch(() => undefined);
      this.scheduleReconnect();
    }
  }

  private handleClose(connection: ChannelModel) {
    if (this.connection !== connection) return;
    this.connection = undefined;
    this.publishChannel = undefined;
    this.isBlocked = false;
    this.emit('disconnected');
    if (this.closing) return;
    this.options.logger.warn('broker connection closed, reconnecting');
    this.scheduleReconnect();
  }

  private scheduleReconnect() {
    if (this.closing || this.reconnectTimer) return;
    const min = this.options.reconnectMinMs ?? 200;
    const max = this.options.reconnectMaxMs ?? 5000;
    const delay = Math.min(max, min * 2 ** this.attempt++) * (0.75 + Math.random() * 0.5);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.connect();
    }, delay);
  }
}
