import * as z from 'zod/mini';

// Alone in this file so the service area's outcome figures can take a month without the meeting schemas.
export const monthPattern = /^20\d{2}-(0[1-9]|1[0-2])$/;
export const monthParam = z.string().check(z.regex(monthPattern, '月份应为 2000 年以后的 YYYY-MM'));
