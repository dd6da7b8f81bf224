import 'reflect-metadata';
import { runMain } from '@alliance/nest-kit';
import { runService } from '@alliance/service-runtime';
import { VERIFICATION_SERVICE } from '@alliance/verification';

runMain(() => runService(VERIFICATION_SERVICE));
