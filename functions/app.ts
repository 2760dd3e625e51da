import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ApiError } from './api-error';
import type { AppEnv } from './env';
import { health } from './routes/health';

/** The Worker's Hono app. Only /api/* reaches it; Workers static assets serve the site itself. */
export function createApp() {
  const app = new Hono<AppEnv>();

  app.route('/api/health', health);

  app.notFound((c) => c.json(new ApiError(404, 'not_found', '没有这个接口').toJSON(), 404));

  app.onError((error, c) => {
    if (error instanceof ApiError) return c.json(error.toJSON(), error.status);
    if (error instanceof HTTPException) {
      return c.json(new ApiError(error.status as 400, 'http_error', error.message || '请求无法处理').toJSON(), error.status);
    }
    console.error('unhandled error', error);
    return c.json(new ApiError(500, 'internal_error', '服务器出错了，请稍后再试').toJSON(), 500);
  });

  return app;
}
