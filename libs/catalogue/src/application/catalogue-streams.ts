import { streamName, streamPrefix } from '@alliance/event-sourcing';

export const CATALOGUE = 'catalogue';

export const institutionStream = (institutionId: string): string => streamName(CATALOGUE, 'institution', institutionId);
export const credentialSpecStream = (credentialSpecId: string): string => streamName(CATALOGUE, 'credential-spec', credentialSpecId);

export const INSTITUTION_STREAM_PREFIX = streamPrefix(CATALOGUE, 'institution');
export const CREDENTIAL_SPEC_STREAM_PREFIX = streamPrefix(CATALOGUE, 'credential-spec');

/** The aggregate id from a stream id of one of the catalogue's aggregates. */
export function aggregateIdOf(streamId: string): string {
  const prefix = streamId.startsWith(INSTITUTION_STREAM_PREFIX) ? INSTITUTION_STREAM_PREFIX : CREDENTIAL_SPEC_STREAM_PREFIX;
  return streamId.slice(prefix.length);
}
