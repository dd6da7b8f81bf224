import 'reflect-metadata';
import { runMain, runService } from '@alliance/nest-kit';
import { VERIFICATION_SERVICE } from '@alliance/verification';

runMain(() => runService(VERIFICATION_SERVICE));
