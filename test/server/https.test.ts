import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { generateCertificates } from 'office-addin-dev-certs';
import { ConfigError, loadConfig } from '../../src/server/config';
import { buildApp } from '../../src/server/http/app';
import { API_ROUTES } from '../../src/server/routes';
import { openTestDb } from '../helpers/engines';
import { createTestSigner } from '../helpers/tokens';

// Outlook loads add-ins over https only: the service serves it itself with the certificates
// office-addin-dev-certs makes for sideloading (or a site's own), named by two variables.

let folder: string;
let files: { ca: string; cert: string; key: string };

beforeAll(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-tls-'));
  files = { ca: path.join(folder, 'ca.crt'), cert: path.join(folder, 'localhost.crt'), key: path.join(folder, 'localhost.key') };
  const announce = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  await generateCertificates(files.ca, files.cert, files.key, 1);
  announce.mockRestore();
}, 60_000);

afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

describe('https from RAPPORT_TLS_CERT_FILE and RAPPORT_TLS_KEY_FILE', () => {
  test('both files make the service https, and its public URL by default', () => {
    const config = loadConfig({ RAPPORT_DEV: '1', RAPPORT_TLS_CERT_FILE: files.cert, RAPPORT_TLS_KEY_FILE: files.key });
    expect(config.tls).toEqual({ certFile: files.cert, keyFile: files.key });
    expect(config.publicUrl).toBe('https://localhost:3000');
    expect(loadConfig({ RAPPORT_DEV: '1' }).tls).toBeUndefined();
  });

  test.each<[string, () => Record<string, string>, RegExp]>([
    ['only the certificate', () => ({ RAPPORT_TLS_CERT_FILE: files.cert }), /both RAPPORT_TLS_CERT_FILE and RAPPORT_TLS_KEY_FILE/],
    ['only the key', () => ({ RAPPORT_TLS_KEY_FILE: files.key }), /both RAPPORT_TLS_CERT_FILE and RAPPORT_TLS_KEY_FILE/],
    ['a certificate that is not there', () => ({ RAPPORT_TLS_CERT_FILE: '/nonexistent/rapport.crt', RAPPORT_TLS_KEY_FILE: files.key }), /RAPPORT_TLS_CERT_FILE names \/nonexistent\/rapport.crt/],
    ['a key that is not there', () => ({ RAPPORT_TLS_CERT_FILE: files.cert, RAPPORT_TLS_KEY_FILE: '/nonexistent/rapport.key' }), /RAPPORT_TLS_KEY_FILE names \/nonexistent\/rapport.key/],
  ])('%s stops the start with a message naming the problem', (_case, environment, message) => {
    expect(() => loadConfig({ RAPPORT_DEV: '1', ...environment() })).toThrow(ConfigError);
    expect(() => loadConfig({ RAPPORT_DEV: '1', ...environment() })).toThrow(message);
  });

  test('the service answers over https with that certificate, trusted through its authority', async () => {
    const { db, dispose } = await openTestDb('pglite');
    const signer = await createTestSigner();
    const app = await buildApp({
      db,
      verifyToken: signer.verifier,
      routes: API_ROUTES,
      version: 'test',
      publicUrl: 'https://localhost',
      logLevel: 'silent',
      https: { cert: fs.readFileSync(files.cert), key: fs.readFileSync(files.key) },
    });
    try {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = app.server.address() as { port: number };
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const request = https.get({ host: '127.0.0.1', servername: 'localhost', port, path: '/api/v1/health', ca: fs.readFileSync(files.ca) }, (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        });
        request.on('error', reject);
      });
      expect(answer.status).toBe(200);
    } finally {
      await app.close();
      await dispose();
    }
  });
});
