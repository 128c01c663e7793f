import { Client } from 'undici';

/**
 * One undici Client per connection, lent to one call at a time (the caller limits how many are
 * out). Knowing the connection a call goes out on tells whether it is a reused keep-alive socket,
 * which undici's own Pool does not say.
 */
export class ConnectionPool {
  private readonly idle: Client[] = [];
  private readonly all = new Set<Client>();

  constructor(
    private readonly origin: string,
    private readonly options: Client.Options,
  ) {}

  take(): Client {
    const client = this.idle.pop() ?? new Client(this.origin, this.options);
    this.all.add(client);
    return client;
  }

  give(client: Client): void {
    if (!client.destroyed && !client.closed) this.idle.push(client);
    else this.all.delete(client);
  }

  /** Closes the connections nobody is using; the next calls open new ones. */
  dropIdle(): void {
    for (const client of this.idle.splice(0)) {
      this.all.delete(client);
      void client.destroy().catch(() => undefined);
    }
  }

  destroy(): void {
    this.idle.length = 0;
    for (const client of this.all) void client.destroy().catch(() => undefined);
    this.all.clear();
  }
}

/** Whether the client's connection is open now: a call dispatched on it reuses a keep-alive socket. */
export const isConnected = (client: Client): boolean => Boolean(client.stats.connected);
