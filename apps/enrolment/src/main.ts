import 'reflect-metadata';
import { runMain, runService } from '@alliance/nest-kit';
import { ENROLMENT_SERVICE } from '@alliance/enrolment';

runMain(() => runService(ENROLMENT_SERVICE));
