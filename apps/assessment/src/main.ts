import 'reflect-metadata';
import { runMain } from '@alliance/nest-kit';
import { runService } from '@alliance/service-runtime';
import { ASSESSMENT_SERVICE } from '@alliance/assessment';

runMain(() => runService(ASSESSMENT_SERVICE));
