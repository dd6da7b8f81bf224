import 'reflect-metadata';
import { runMain } from '@alliance/nest-kit';
import { runService } from '@alliance/service-runtime';
import { auditService } from '@alliance/audit';
import { AUDIT_STREAM_FOLDERS, auditReadModels } from '@alliance/composition';

runMain(() => runService(auditService({ folders: AUDIT_STREAM_FOLDERS, readModels: auditReadModels })));
