/**
 * What enrolment knows of one version of a credential definition, learnt from the catalogue's integration
 * events. A draft never reaches this context, so "not known" and "draft" are the same to it.
 */
export interface PublishedSpecVersion {
  credentialSpecId: string;
  version: number;
  title: string;
  /** `published` while it is the current version; `superseded` once a newer one is published; `retired` for good. */
  status: 'published' | 'superseded' | 'retired';
  awardingInstitutionIds: string[];
  /** Credentials (definition ids) a learner must already hold to enrol. */
  requiredCredentialSpecIds: string[];
}
