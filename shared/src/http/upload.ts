import * as z from 'zod/mini';

/** A presigned upload: the client PUTs the file to `uploadUrl` with `headers`, then names `key`. */
export const photoUpload = z.object({ key: z.string(), uploadUrl: z.string(), headers: z.record(z.string(), z.string()) });
