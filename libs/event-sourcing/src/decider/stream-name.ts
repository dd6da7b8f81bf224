/** `<context>.<aggregate>-<id>`: the stream naming rule of ARCHITECTURE.md. */
export function streamName(context: string, aggregate: string, id: string): string {
  if (!/^[a-z][a-z0-9-]*$/.test(context) || !/^[a-z][a-z0-9-]*$/.test(aggregate)) {
    throw new RangeError(`Stream name parts must be lower-case kebab words: ${context}.${aggregate}`);
  }
  if (!id) throw new RangeError('Stream id part must not be empty');
  return `${context}.${aggregate}-${id}`;
}

/** The prefix every stream of one aggregate type shares, for `AllFilter.streamPrefixes`. */
export function streamPrefix(context: string, aggregate: string): string {
  return `${context}.${aggregate}-`;
}
