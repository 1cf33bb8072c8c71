import * as z from 'zod/mini';
import { id } from '../http/common';

// Alone in this file so other areas' route tables can name an org without building every org schema.
export const orgParams = z.strictObject({ orgId: id });
