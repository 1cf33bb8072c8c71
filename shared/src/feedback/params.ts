import * as z from 'zod/mini';
import { id } from '../http/common';

// Alone in this file so other areas' route tables can name a campaign without building every campaign schema.
export const campaignParams = z.strictObject({ campaignId: id });
