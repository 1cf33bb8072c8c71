import * as z from 'zod/mini';
import zhCN from 'zod/v4/locales/zh-CN.js';

// Validation messages default to Chinese: they are shown to the person in front of the screen.
z.config(zhCN());
