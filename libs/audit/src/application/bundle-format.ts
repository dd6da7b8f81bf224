/** Files of an export bundle for an external QA agency; self-contained, checkable offline. */
export const BUNDLE_MANIFEST = 'manifest.json';
export const BUNDLE_PUBLIC_KEY = 'audit-public-key.jwk.json';
export const bundleEventsFile = (store: string) => `events/${store}.ndjson`;
export const bundleCheckpointsFile = (store: string) => `checkpoints/${store}.ndjson`;

export interface BundleManifest {
  format: 'alliance-audit-bundle/1';
  createdAt: string;
  auditKeyId: string;
  stores: { name: string; events: number; checkpoints: number; headPosition: number }[];
}

export const BUNDLE_README = `# Audit export bundle

This folder holds the complete event history of the alliance credential platform's services, the signed
checkpoints over it, and the public key that signed them. It can be verified offline.

## Contents
- \`manifest.json\`: when the bundle was made, which stores it holds and how many events and checkpoints each.
- \`events/<store>.ndjson\`: every event of one service's store, one JSON object per line, in global position order.
- \`checkpoints/<store>.ndjson\`: signed checkpoints of that store, in order.
- \`audit-public-key.jwk.json\`: the alliance audit public key (Ed25519, JWK). Compare it with the key the alliance
  publishes before trusting a verification.

## How to verify
Run \`alliance audit verify-bundle <folder> [--public-key <jwk file>]\`, or check by hand:
1. Event hashes: for every event, \`hash = sha256_hex(previousHash_or_empty_string + JCS(content))\` where JCS is
   RFC 8785 and content is \`{eventId, streamId, revision, type, schemaVersion, data, metadata}\`. \`previousHash\`
   must equal the hash of the event with revision - 1 in the same stream (null for revision 0).
2. Checkpoints: the events with \`fromPosition < position <= toPosition\` give \`treeSize\` leaves; the Merkle root
   (RFC 9162: leaf = sha256(0x00 || hash bytes), node = sha256(0x01 || left || right), split at the largest power of
   two below the size) must equal \`merkleRoot\`.
3. Signatures: Ed25519 over the RFC 8785 form of the checkpoint without \`signature\`, base64url-encoded.
   \`previousDigest\` = sha256_hex(JCS(previous checkpoint body) + previous signature).
`;
