import 'reflect-metadata';
import { runMain, runService } from '@alliance/nest-kit';
import { ASSESSMENT_SERVICE } from '@alliance/assessment';

runMain(() => runService(ASSESSMENT_SERVICE));
