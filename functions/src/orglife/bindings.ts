import { type Binding } from '../lib/api';
import { complianceRoutes } from './compliance-routes';
import { meetingRoutes } from './meeting-routes';
import { reportRoutes } from './report-routes';
import { rulesRoutes } from './rules-routes';
import { taskRoutes } from './task-routes';

/** 组织生活与月报: meetings and check-in, the rules checked, monthly reports up the hierarchy, dated tasks. */
export const bindings: Binding[] = [...meetingRoutes, ...complianceRoutes, ...rulesRoutes, ...reportRoutes, ...taskRoutes];
