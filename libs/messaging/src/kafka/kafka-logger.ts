import { logLevel, type logCreator } from 'kafkajs';
import type { KafkaLogLevel } from './kafka-bus-options';

export const KAFKAJS_LEVEL: Record<KafkaLogLevel, logLevel> = {
  nothing: logLevel.NOTHING,
  error: logLevel.ERROR,
  warn: logLevel.WARN,
  info: logLevel.INFO,
  debug: logLevel.DEBUG,
};

const NAMES: Record<number, string> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

/** One JSON line per kafkajs log entry on stderr, like the rest of the platform's logs. */
export const jsonLogCreator: logCreator =
  () =>
  ({ namespace, level, log }) => {
    const { message, timestamp: _timestamp, logger: _logger, ...extra } = log;
    process.stderr.write(
      `${JSON.stringify({ level: NAMES[level] ?? level, time: new Date().toISOString(), component: `kafkajs.${namespace}`, msg: message, ...extra })}\n`,
    );
  };
