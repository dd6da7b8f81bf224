import 'reflect-metadata';
import { runMain, runService } from '@alliance/nest-kit';
import { AUDIT_SERVICE } from '@alliance/audit';

runMain(() => runService(AUDIT_SERVICE));
