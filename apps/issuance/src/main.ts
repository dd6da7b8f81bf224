import 'reflect-metadata';
import { runMain } from '@alliance/nest-kit';
import { runService } from '@alliance/service-runtime';
import { ISSUANCE_SERVICE } from '@alliance/issuance';

runMain(() => runService(ISSUANCE_SERVICE));
