import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import type { ApiEnv } from './api-context';
import { idParam, jsonBody } from './validators';

const schema = z.strictObject({ name: z.string().check(z.minLength(1, 'must not be empty')) });

function appWith(handler: (name: string) => Response | Promise<Response>) {
  const refused: number[] = [];
  const app = new Hono<ApiEnv>().post(
    '/things/:thing',
    idParam('thing', { onRefused: (_c, response) => void refused.push(response.status) }),
    jsonBody(schema, { onRefused: (_c, response) => void refused.push(response.status) }),
    (c) => handler(`${c.req.valid('param').thing}:${c.req.valid('json').name}`),
  );
  const post = (path: string, body: string, type = 'application/json') =>
    app.request(path, { method: 'POST', headers: { 'Content-Type': type }, body });
  return { app, post, refused };
}

describe('idParam and jsonBody', () => {
  it('hands the handler the validated parameter and body', async () => {
    const { post } = appWith((value) => new Response(value));
    expect(await (await post('/things/a-1', '{"name":"x"}')).text()).toBe('a-1:x');
  });

  it('refuses with our error body, naming the field, and tells the route', async () => {
    const { post, refused } = appWith(() => new Response('reached'));
    const answers = [
      await post('/things/BAD%20ID', '{"name":"x"}'),
      await post('/things/a', 'name=x', 'text/plain'),
      await post('/things/a', '{bad'),
      await post('/things/a', '{"name":""}'),
      await post('/things/a', '{"name":"x","other":1}'),
    ];
    const bodies = await Promise.all(answers.map((response) => response.json()));
    expect(answers.map((response) => response.status)).toEqual([400, 415, 400, 400, 400]);
    expect(
      bodies.map((body: { error: { code: string; field?: string } }) => [body.error.code, body.error.field]),
    ).toEqual([
      ['invalid_parameter', 'thing'],
      ['unsupported_media_type', 'Content-Type'],
      ['invalid_json', undefined],
      ['invalid_body', 'name'],
      ['invalid_body', 'other'],
    ]);
    expect(refused).toEqual([400, 415, 400, 400, 400]);
  });

  it('leaves an HTTP error the route itself throws to the error handler', async () => {
    const { app, post } = appWith(() => {
      throw new HTTPException(409, { message: 'from the route' });
    });
    app.onError(
      (error) => new Response(error.message, { status: error instanceof HTTPException ? error.status : 500 }),
    );
    const response = await post('/things/a', '{"name":"x"}');
    expect([response.status, await response.text()]).toEqual([409, 'from the route']);
  });
});
