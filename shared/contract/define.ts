import { z } from 'zod';
import { errorCodes } from './errors.ts';

/** One IPC channel: what the renderer sends and what main answers. */
export interface ChannelDef<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  readonly request: Req;
  readonly response: Res;
}

export function channel<Req extends z.ZodType, Res extends z.ZodType>(
  request: Req,
  response: Res,
): ChannelDef<Req, Res> {
  return { request, response };
}

/** Channels that take nothing still get a schema, so `{ extra: 1 }` is refused like any bad payload. */
export const noRequest = z.strictObject({}).optional();

export const errorCodeSchema = z.enum(errorCodes);
export const contractErrorSchema = z.object({ code: errorCodeSchema, message: z.string() });

export * from './errors.ts';
