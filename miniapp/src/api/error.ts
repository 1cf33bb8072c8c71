// Shared with the PC console: see @kaimen/shared/api/client.
export { ApiError, errorMessage } from '@kaimen/shared/api/client';
