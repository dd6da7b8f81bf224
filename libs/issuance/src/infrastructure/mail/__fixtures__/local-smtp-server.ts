import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

/** One message as the test server received it: the envelope, the parsed mail, and whether it came over TLS. */
export interface ReceivedMail {
  envelope: { from: string; to: string[] };
  mail: ParsedMail;
  secure: boolean;
  user?: string;
}

export interface LocalSmtpServer {
  port: number;
  received: ReceivedMail[];
  close(): Promise<void>;
}

export interface LocalSmtpServerOptions {
  /** Address to listen on (default 127.0.0.1). */
  host?: string;
  /** Offer STARTTLS with this key and certificate; without, the server does not offer it. */
  tls?: { key: string; cert: string };
  /** The only user and password accepted (a refusal names the user, as some servers do); without, no authentication is asked. */
  login?: { user: string; pass: string };
  /** Refuse every recipient with this 5xx reply. */
  refuseRecipients?: { code: number; text: string };
}

/** A real SMTP server (smtp-server) on a random port that parses what arrives with mailparser. */
export async function startLocalSmtpServer(options: LocalSmtpServerOptions = {}): Promise<LocalSmtpServer> {
  const received: ReceivedMail[] = [];
  const settings: SMTPServerOptions = {
    logger: false,
    ...(options.tls ? { key: options.tls.key, cert: options.tls.cert } : { hideSTARTTLS: true }),
    ...(options.login ? { allowInsecureAuth: true } : { authOptional: true }),
    disabledCommands: [...(options.tls ? [] : ['STARTTLS']), ...(options.login ? [] : ['AUTH'])],
    onAuth: (auth, _session, callback) => {
      if (auth.username === options.login?.user && auth.password === options.login?.pass) return callback(null, { user: auth.username });
      return callback(Object.assign(new Error(`Authentication failed for ${auth.username}`), { responseCode: 535 }));
    },
    onRcptTo: (_address, _session, callback) => {
      const refusal = options.refuseRecipients;
      if (refusal) return callback(Object.assign(new Error(refusal.text), { responseCode: refusal.code }));
      return callback();
    },
    onData: (stream, session, callback) => {
      simpleParser(stream).then(
        (mail) => {
          received.push({
            envelope: {
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
            },
            mail,
            secure: session.secure,
            ...(typeof session.user === 'string' ? { user: session.user } : {}),
          });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  };
  const server = new SMTPServer(settings);
  const port = await listen(server.server, options.host ?? '127.0.0.1');
  return { port, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A TCP server that accepts connections and never says a word: an SMTP server stuck before its greeting. */
export async function startSilentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await listen(server, '127.0.0.1');
  return {
    port,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

async function listen(server: Server, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  return (server.address() as AddressInfo).port;
}
