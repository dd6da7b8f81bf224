import type { ServiceDescriptor } from '@alliance/service-runtime';
import { AuditConfig } from './audit.config';
import { AuditModule, type AuditModuleOptions } from './audit.module';

/** The audit service, taught the contexts' stream folders and read models by the executable that runs it. */
export function auditService(options: AuditModuleOptions = {}): ServiceDescriptor<AuditConfig> {
  return {
    name: 'audit',
    description: 'Read-only history, provenance, point-in-time state, tamper evidence and replay for auditors',
    defaultPort: 3006,
    configSchema: AuditConfig,
    module: (runtime) => AuditModule.forRoot(runtime, options),
  };
}

/** The audit service with no context knowledge: generic event lists for point-in-time state, no read models. */
export const AUDIT_SERVICE: ServiceDescriptor<AuditConfig> = auditService();
