import type { KafkaConfig } from 'kafkajs';
import type { RetryPolicy } from '../retry/retry-policy';

export type KafkaLogLevel = 'nothing' | 'error' | 'warn' | 'info' | 'debug';

export interface KafkaBusOptions {
  brokers: string[];
  /** Names this process to the brokers (and in their logs): usually the service name. */
  clientId: string;
  /** Prepended to every topic the bus creates or reads, e.g. `alliance.` gives `alliance.catalogue`. */
  topicPrefix?: string;
  /** Partitions of each context topic the bus creates. Default 6. */
  partitions?: number;
  /** Default 1 (single broker); use 3 in production clusters. */
  replicationFactor?: number;
  /** Handler retries before a message is dead-lettered. */
  retry?: Partial<RetryPolicy>;
  /** Partitions one member processes at the same time (each still strictly in order). Default 6. */
  partitionsConsumedConcurrently?: number;
  /** How often resolved offsets are committed; a crash redelivers at most this much (the inbox absorbs it). */
  commitIntervalMs?: number;
  sessionTimeoutMs?: number;
  logLevel?: KafkaLogLevel;
  /**
   * Sources whose messages carry learners' personal data (the enrolment context's identity of a learner).
   * Their topics, and every dead-letter and replay topic (which may hold copies of such messages), are created
   * with `retention.ms` = personalDataRetentionMs, so a learner's name and e-mail leave the brokers at most
   * that long after an erasure. Other topics keep the brokers' retention.
   */
  personalDataSources?: string[];
  /** Default 7 days. */
  personalDataRetentionMs?: number;
  /** TLS / SASL and other client settings passed through to kafkajs. */
  client?: Pick<KafkaConfig, 'ssl' | 'sasl' | 'connectionTimeout' | 'requestTimeout'>;
}

export const KAFKA_DEFAULTS = {
  topicPrefix: 'alliance.',
  partitions: 6,
  replicationFactor: 1,
  partitionsConsumedConcurrently: 6,
  commitIntervalMs: 1_000,
  sessionTimeoutMs: 30_000,
  logLevel: 'warn' as KafkaLogLevel,
  personalDataSources: [] as string[],
  personalDataRetentionMs: 7 * 24 * 3_600_000,
};
