import 'reflect-metadata';
import { runMain, runService } from '@alliance/nest-kit';
import { ISSUANCE_SERVICE } from '@alliance/issuance';

runMain(() => runService(ISSUANCE_SERVICE));
