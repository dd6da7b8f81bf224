import 'reflect-metadata';
import { runMain, runService } from '@alliance/nest-kit';
import { CATALOGUE_SERVICE } from '@alliance/catalogue';

runMain(() => runService(CATALOGUE_SERVICE));
