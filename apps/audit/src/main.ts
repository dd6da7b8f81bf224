import 'reflect-metadata';
import { runMain } from '@alliance/nest-kit';
import { runService } from '@alliance/service-runtime';
import { AUDIT_SERVICE } from '@alliance/audit';
import { AUDIT_STREAM_FOLDERS, auditReadModels } from '@alliance/composition';

runMain(() => runService(AUDIT_SERVICE.withOptions({ folders: AUDIT_STREAM_FOLDERS, readModels: auditReadModels })));
