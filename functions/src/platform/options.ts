// Imported first by index.ts so every function below is defined with these options.
import { setGlobalOptions } from 'firebase-functions/v2';
import { FUNCTIONS_REGION } from '../shared/catalogue';

setGlobalOptions({ region: FUNCTIONS_REGION, maxInstances: 10 });
