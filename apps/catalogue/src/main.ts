import 'reflect-metadata';
import { runMain } from '@alliance/nest-kit';
import { runService } from '@alliance/service-runtime';
import { CATALOGUE_SERVICE } from '@alliance/catalogue';

runMain(() => runService(CATALOGUE_SERVICE));
