import * as z from 'zod/mini';
import { meetingType } from './meetings';
import { cadence, monthParam } from './rules';

export const complianceQuery = z.strictObject({ period: z.optional(monthParam) });

export const typeCompliance = z.object({
  type: meetingType, typeLabel: z.string(), every: cadence, due: z.number(), held: z.number(), overdue: z.number(),
  status: z.enum(['done', 'pending', 'overdue', 'not_required']), previousShort: z.boolean(),
});
export const partyOrgCompliance = z.object({
  orgId: z.string(), orgName: z.string(), parentName: z.nullable(z.string()), types: z.array(typeCompliance), behind: z.boolean(),
  attended: z.number(), expected: z.number(), attendanceRate: z.nullable(z.number()),
});
export const complianceReport = z.object({
  orgId: z.string(), orgName: z.string(), period: z.string(), partyOrgs: z.number(), behind: z.number(),
  items: z.array(partyOrgCompliance),
});

export const memberAttendanceQuery = z.strictObject({ year: z.optional(z.string().check(z.regex(/^\d{4}$/, '年份格式应为 YYYY'))) });
export const memberAttendance = z.object({
  orgId: z.string(), year: z.string(), meetings: z.number(),
  items: z.array(z.object({ userId: z.string(), name: z.string(), guest: z.boolean(), attended: z.number(), absent: z.number(), rate: z.nullable(z.number()) })),
});

export const memberReviewQuery = z.strictObject({ year: z.optional(z.string().check(z.regex(/^\d{4}$/, '年份格式应为 YYYY'))) });
