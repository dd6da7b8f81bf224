import 'reflect-metadata';
import { runMain } from '@alliance/nest-kit';
import { runService } from '@alliance/service-runtime';
import { ENROLMENT_SERVICE } from '@alliance/enrolment';

runMain(() => runService(ENROLMENT_SERVICE));
