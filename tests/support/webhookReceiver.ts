// A service desk for tests: a node:http server on a random port of 127.0.0.1,
// which the Functions emulator (another process on this machine) can reach. It
// checks each request with the same verifier the README shows
// (functions/src/handoff/signature.ts) and answers as the test plans: a status
// code, or `hang` to never answer (an attempt that times out).
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WEBHOOK } from '$shared/catalogue';
import { verifyWebhook, type Verification } from '../../functions/src/handoff/signature';

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The receiver's own check, with the secret it holds when the request arrives. */
  verification: Verification;
  answered: number | 'hang';
}

export type Answer = number | 'hang';

export interface WebhookReceiver {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  received: ReceivedWebhook[];
  /** The secret the desk checks signatures with; null accepts nothing. */
  secret: string | null;
  /** Answers for the next requests, in order; once used up, a verified request gets 200 and any other 401. */
  plan: Answer[];
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const hanging = new Set<ServerResponse>();
  const receiver: WebhookReceiver = {
    url: '',
    received: [],
    secret: null,
    plan: [],
    close: () =>
      new Promise<void>((resolve) => {
        for (const response of hanging) response.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const verification: Verification = receiver.secret
        ? verifyWebhook(receiver.secret, request.headers, body, {
            nowSeconds: Date.now() / 1000,
            toleranceSeconds: WEBHOOK.toleranceSeconds,
          })
        : { ok: false, reason: 'the receiver holds no secret' };
      const answer = receiver.plan.shift() ?? (verification.ok ? 200 : 401);
      receiver.received.push({
        path: request.url ?? '',
        headers: request.headers,
        body,
        verification,
        answered: answer,
      });
      if (answer === 'hang') {
        hanging.add(response);
        return;
      }
      response.writeHead(answer, { 'content-type': 'text/plain' }).end(verification.ok ? 'ok' : verification.reason);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return receiver;
}
