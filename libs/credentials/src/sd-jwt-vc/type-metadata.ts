// The shape of SD-JWT VC Type Metadata as far as this library publishes it; extensions are not modelled.

/** Display entry of an SD-JWT VC type or claim. */
export interface TypeMetadataDisplay {
  locale?: string;
  name?: string;
  label?: string;
  description?: string;
}

/** Claim metadata: a claim path (null selects every array element), its labels, presence and disclosability. */
export interface TypeMetadataClaim {
  path: (string | null)[];
  display?: TypeMetadataDisplay[];
  mandatory?: boolean;
  sd?: 'always' | 'allowed' | 'never';
}

/** An SD-JWT VC Type Metadata document (draft-ietf-oauth-sd-jwt-vc, section "Type Metadata"). */
export interface TypeMetadata {
  vct: string;
  name?: string;
  description?: string;
  display?: TypeMetadataDisplay[];
  claims?: TypeMetadataClaim[];
}
