export * from './revise-credential-spec-draft.command';
export * from './revise-credential-spec-draft.handler';
