/**
 * Ports fetch() refuses to connect to (the WHATWG Fetch "bad port" list, those above 1023): a platform whose
 * services land on one fails its test with "fetch failed: bad port".
 */
const FETCH_BAD_PORTS = new Set([
  1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

/** Ports the test engines listen on (PostgreSQL, the Kafka broker and its controller): a platform there cannot start. */
const ENGINE_PORTS = new Set([5432, 9092, 9093]);

/** How many consecutive ports a platform takes from its base (six services). */
const PLATFORM_PORTS = 6;

/**
 * A random PLATFORM_BASE_PORT among `slots` bases `from`, `from + 10`, …, so that specs running at the same time
 * rarely collide, none of whose ports fetch() refuses, and none an engine of the tests listens on.
 */
export function randomBasePort(from: number, slots: number): number {
  const usable = Array.from({ length: slots }, (_, i) => from + i * 10).filter((base) =>
    Array.from({ length: PLATFORM_PORTS }, (_, offset) => base + offset).every(
      (port) => !FETCH_BAD_PORTS.has(port) && !ENGINE_PORTS.has(port),
    ),
  );
  return usable[Math.floor(Math.random() * usable.length)];
}
