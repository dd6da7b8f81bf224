// Domain code raises DomainError without depending on Nest; the kit maps it to problem+json.
export { DomainError, isDomainError } from '@alliance/event-sourcing';
