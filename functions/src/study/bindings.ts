import { type Binding } from '../lib/api';
import { adminContentRoutes } from './admin-content-routes';
import { adminStudyRoutes } from './admin-study-routes';
import { findRoutes } from './find-routes';
import { memberRoutes } from './member-routes';

/** 学习教育: topics, lessons, honest study records, plans, reflections, offline sessions, reports, the member archive. */
export const bindings: Binding[] = [...memberRoutes, ...findRoutes, ...adminContentRoutes, ...adminStudyRoutes];
