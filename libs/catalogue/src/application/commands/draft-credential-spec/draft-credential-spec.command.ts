import { IsObject } from 'class-validator';
import type { CredentialSpecDefinition } from '../../../domain/credential-spec/definition';
import { BaseCommand } from '../../base.command';

/** Drafts a joint credential definition (version 1). Its Annex I and composition rules are the domain's. */
export class DraftCredentialSpecCommand extends BaseCommand<string> {
  @IsObject()
  definition!: CredentialSpecDefinition;
}
