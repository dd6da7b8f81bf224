import { isIP } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import type { SMTPTransportOptions } from 'nodemailer';

/** How the SMTP adapter reaches its server, as configured (SMTP_URL, SMTP_FROM, SMTP_REQUIRE_TLS, SMTP_TIMEOUT_MS). */
export interface SmtpSettings {
  /** `smtp://[user:password@]host[:port]` (STARTTLS) or `smtps://…` (TLS from the start). */
  url: string;
  /** The sender mailbox, `Name <local@domain>` or `local@domain`. */
  from: string;
  /** On `smtp://` to a host other than loopback, refuse to send unless the server upgrades to TLS. */
  requireTls: boolean;
  /** Bound on connecting, on the greeting and on any silence of the server. */
  timeoutMs: number;
  /** Extra TLS options, such as the certificate authority of a private relay. */
  tls?: ConnectionOptions;
}

/**
 * nodemailer's options for the settings: one connection per message (no pool to keep healthy), every wait
 * bounded, STARTTLS required unless switched off or the server is on this machine, nodemailer's own logging off
 * (it would print addresses). The credentials are taken out of the URL here and go nowhere else.
 */
export function smtpTransportOptions(settings: SmtpSettings): SMTPTransportOptions {
  const url = new URL(settings.url);
  const secure = url.protocol === 'smtps:';
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return {
    host,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    requireTLS: !secure && settings.requireTls && !isLoopback(host),
    ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
    connectionTimeout: settings.timeoutMs,
    greetingTimeout: settings.timeoutMs,
    socketTimeout: settings.timeoutMs,
    dnsTimeout: settings.timeoutMs,
    ...(settings.tls ? { tls: settings.tls } : {}),
    logger: false,
    debug: false,
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

/** The server as logs and errors may name it: host and port, never the credentials. */
export function smtpServerName(settings: SmtpSettings): string {
  const url = new URL(settings.url);
  return `${url.protocol}//${url.host}`;
}

/** `localhost`, 127.0.0.0/8 or ::1: a relay on this machine, reached without crossing a network. */
export function isLoopback(host: string): boolean {
  const name = host.toLowerCase();
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  if (isIP(name) === 4) return name.startsWith('127.');
  return name === '::1' || name === '0:0:0:0:0:0:0:1';
}
