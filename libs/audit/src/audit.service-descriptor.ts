import type { ServiceDescriptor } from '@alliance/nest-kit';
import { AuditConfig } from './audit.config';
import { AuditModule } from './audit.module';

export const AUDIT_SERVICE: ServiceDescriptor<AuditConfig> = {
  name: 'audit',
  description: "Read-only history, provenance, point-in-time state and tamper evidence for auditors",
  defaultPort: 3006,
  configSchema: AuditConfig,
  module: (runtime) => AuditModule.forRoot(runtime),
};
