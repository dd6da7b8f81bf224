import { type KeyObject, sign, verify } from 'node:crypto';
import canonicalize from 'canonicalize';

/** Files of an export bundle for an external QA agency; self-contained, checkable offline. */
export const BUNDLE_MANIFEST = 'manifest.json';
export const BUNDLE_PUBLIC_KEY = 'audit-public-key.jwk.json';
export const BUNDLE_README = 'README.md';
export const bundleEventsFile = (store: string) => `events/${store}.ndjson`;
export const bundleCheckpointsFile = (store: string) => `checkpoints/${store}.ndjson`;

export interface BundleStoreEntry {
  name: string;
  events: number;
  checkpoints: number;
  headPosition: number;
  /** sha256 (hex) of the events file and of the checkpoints file, as written. */
  eventsSha256: string;
  checkpointsSha256: string;
}

export interface BundleManifest {
  format: 'alliance-audit-bundle/1';
  createdAt: string;
  auditKeyId: string;
  stores: BundleStoreEntry[];
  /** Ed25519 over the RFC 8785 form of the manifest without this field, base64url: seals the files' digests. */
  signature?: string;
}

function manifestBytes(manifest: BundleManifest): Buffer {
  const { signature: _signature, ...body } = manifest;
  return Buffer.from(canonicalize(body)!, 'utf8');
}

export function signManifest(manifest: BundleManifest, privateKey: KeyObject): BundleManifest {
  return { ...manifest, signature: sign(null, manifestBytes(manifest), privateKey).toString('base64url') };
}

export function verifyManifestSignature(manifest: BundleManifest, publicKey: KeyObject): boolean {
  if (!manifest.signature) return false;
  try {
    return verify(null, manifestBytes(manifest), publicKey, Buffer.from(manifest.signature, 'base64url'));
  } catch {
    return false;
  }
}

export const BUNDLE_README_TEXT = `# Audit export bundle

This folder holds the complete event history of the alliance credential platform's services, the signed
checkpoints over it, and the public key that signed them. It can be verified offline, with no access to the
platform.

## Contents
- \`manifest.json\`: when the bundle was made, which stores it holds, how many events and checkpoints each, the
  sha256 of every file, and a signature over all of it with the audit key.
- \`events/<store>.ndjson\`: every event of one service's store, one JSON object per line, in global position order.
- \`checkpoints/<store>.ndjson\`: signed checkpoints of that store, in order.
- \`audit-public-key.jwk.json\`: the alliance audit public key (Ed25519, JWK). Compare it with the key the alliance
  publishes (\`GET /audit-key\` of the audit service) before trusting a verification: anyone can sign a bundle
  with a key of their own.

## How to verify
Run \`alliance audit verify-bundle <folder> --public-key <jwk file>\`, or check by hand:
1. Manifest: Ed25519 signature over the RFC 8785 (JCS) form of \`manifest.json\` without its \`signature\` field;
   every file's sha256 must match the manifest.
2. Event hashes: for every event, \`hash = sha256_hex(previousHash_or_empty_string + JCS(content))\` where content
   is \`{eventId, streamId, revision, type, schemaVersion, data, metadata}\`. Revisions of a stream start at 0 and
   follow each other; \`previousHash\` must equal the hash of the event before it in the same stream (null for
   revision 0).
3. Checkpoints: each one's window starts where the previous one ended; the events with
   \`fromPosition < position <= toPosition\` give \`treeSize\` leaves whose Merkle root (RFC 9162: leaf =
   sha256(0x00 || hash bytes), node = sha256(0x01 || left || right), split at the largest power of two below the
   size) must equal \`merkleRoot\`. The signature is Ed25519 over the JCS form of the checkpoint without
   \`signature\`, base64url; \`previousDigest\` = sha256_hex(JCS(previous checkpoint body) + previous signature).
4. Events after a store's last checkpoint are covered by the manifest signature only.
`;
