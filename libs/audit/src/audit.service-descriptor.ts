import { type ServiceDescriptor, ServiceConfig } from '@alliance/nest-kit';
import { AuditModule } from './audit.module';

export const AUDIT_SERVICE: ServiceDescriptor = {
  name: 'audit',
  description: 'Read-only history, provenance, point-in-time state and tamper evidence for auditors',
  defaultPort: 3006,
  configSchema: ServiceConfig,
  module: (runtime) => AuditModule.forRoot(runtime),
};
