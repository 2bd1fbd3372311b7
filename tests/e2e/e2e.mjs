// SPDX-License-Identifier: GPL-3.0-or-later
// End-to-end: typebot-upload against s3rver (a third-party S3 emulator) with presigned
// POSTs signed by the AWS SDK's own createPresignedPost, behind a stand-in for the Typebot
// API that answers like Typebot does. Our multipart bytes are judged by code nobody here
// wrote. Usage: node e2e.mjs /path/to/typebot-upload
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

import S3rver from 's3rver';
import { S3Client, CreateBucketCommand, GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';

const binary = process.argv[2];
if (!binary) {
  console.error('usage: node e2e.mjs /path/to/typebot-upload');
  process.exit(2);
}

const BUCKET = 'typebot';
const SESSION = 'e2e-session-42';
const LIMIT = 6 * 1024 * 1024; // the bot's size limit: content-length-range 0..LIMIT

let failures = 0;
function check(condition, message) {
  if (condition) {
    console.log(`ok    ${message}`);
  } else {
    console.log(`FAIL  ${message}`);
    failures++;
  }
}

const work = mkdtempSync(path.join(os.tmpdir(), 'tbu-e2e-'));
const s3dir = path.join(work, 's3');
const files = path.join(work, 'files');

const s3rver = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: s3dir });
const s3address = await s3rver.run();
const s3endpoint = `http://127.0.0.1:${s3address.port}`;
const s3 = new S3Client({
  endpoint: s3endpoint,
  region: 'us-east-1',
  forcePathStyle: true,
  credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
});
await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));

// The Typebot API's generate-upload-url, as the public Typebot source signs it.
const apiRequests = [];
const api = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', async () => {
    const reply = (status, json) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(json));
    };
    if (req.method !== 'POST' || req.url !== '/api/v2/generate-upload-url')
      return reply(404, { message: 'Not found', code: 'NOT_FOUND' });
    let input;
    try {
      input = JSON.parse(body);
    } catch {
      return reply(400, { message: 'Invalid JSON', code: 'BAD_REQUEST' });
    }
    apiRequests.push(input);
    if (input.sessionId !== SESSION) return reply(400, { message: "Can't find session", code: 'BAD_REQUEST' });
    const key = `public/tmp/typebots/e2e-bot/results/e2e-result/${input.fileName}`;
    const conditions = [
      ['content-length-range', 0, LIMIT],
      ['eq', '$Cache-Control', 'public, max-age=86400'],
    ];
    const fields = { 'Cache-Control': 'public, max-age=86400' };
    if (input.fileType) {
      conditions.push(['eq', '$Content-Type', input.fileType]);
      fields['Content-Type'] = input.fileType;
    }
    try {
      const { url, fields: formData } = await createPresignedPost(s3, {
        Bucket: BUCKET,
        Key: key,
        Conditions: conditions,
        Fields: fields,
        Expires: 600,
      });
      const presignedUrl = url.replace(/\/$/, '');
      reply(200, { presignedUrl, formData, fileUrl: `${presignedUrl}/${key}` });
    } catch (error) {
      reply(500, { message: String(error), code: 'INTERNAL_SERVER_ERROR' });
    }
  });
});
await new Promise((resolve) => api.listen(0, '127.0.0.1', resolve));
const apiBase = `http://127.0.0.1:${api.address().port}/api`;

function runUpload(args) {
  return new Promise((resolve) => {
    const child = spawn(binary, ['--api', apiBase, '--session', SESSION, '--json', ...args], {
      // A fresh data folder: no history of earlier runs in this session (which would
      // rightly rename a second upload of the same name), no remembered route.
      env: { ...process.env, TYPEBOT_TOKEN: '', TYPEBOT_UPLOAD_DATA_DIR: path.join(work, 'data') },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => {
      const events = stdout
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l));
      resolve({ code, events, stdout, stderr });
    });
  });
}

async function objectBytes(key) {
  const out = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return { bytes: Buffer.from(await out.Body.transformToByteArray()), contentType: out.ContentType,
           cacheControl: out.CacheControl };
}

const sha = (b) => createHash('sha256').update(b).digest('hex');

try {
  // Files with awkward names, an empty one and a 5 MiB one.
  const { mkdirSync } = await import('node:fs');
  mkdirSync(files, { recursive: true });
  const contents = new Map([
    ['résumé (final) #1 & co.txt', Buffer.from('une lettre accentuée\n')],
    ['it\'s "quoted" ;semi, comma.txt', Buffer.from('quotes and separators\n')],
    ['100% plus+sign=equals.json', Buffer.from('{"a": 1}\n')],
    ['empty.bin', Buffer.alloc(0)],
    ['five-mib.bin', randomBytes(5 * 1024 * 1024)],
  ]);
  const paths = [];
  for (const [name, data] of contents) {
    const p = path.join(files, name);
    writeFileSync(p, data);
    paths.push(p);
  }

  const run = await runUpload(['-j', '3', ...paths]);
  if (run.code !== 0) console.log(run.stdout + run.stderr);
  check(run.code === 0, `typebot-upload exits 0 for ${paths.length} files (got ${run.code})`);
  const done = run.events.filter((e) => e.event === 'done');
  check(done.length === contents.size, `${contents.size} done events (got ${done.length})`);
  for (const event of done) {
    const name = path.basename(event.path);
    const key = event.fileUrl.slice(`${s3endpoint}/${BUCKET}/`.length);
    try {
      const stored = await objectBytes(key);
      check(sha(stored.bytes) === sha(contents.get(name)),
            `GetObject bytes match for "${name}" (${stored.bytes.length} bytes)`);
      const sent = apiRequests.find((r) => r.fileName === name);
      check(sent && stored.contentType === sent.fileType,
            `stored Content-Type ${stored.contentType} is the one the policy pinned for "${name}"`);
      check(stored.cacheControl === 'public, max-age=86400', `Cache-Control stored for "${name}"`);
    } catch (error) {
      check(false, `GetObject ${key}: ${error}`);
    }
  }

  // A file over the bot's limit is refused, and nothing is stored.
  const tooLarge = path.join(files, 'too-large.bin');
  writeFileSync(tooLarge, randomBytes(LIMIT + 1024));
  const refused = await runUpload([tooLarge]);
  check(refused.code === 1, `too-large file: exit 1 (got ${refused.code})`);
  const failed = refused.events.find((e) => e.event === 'failed');
  check(failed && failed.code === 'EntityTooLarge', `too-large file: failed with EntityTooLarge (${failed && failed.code}: ${failed && failed.message})`);
  check(!refused.events.some((e) => e.event === 'done'), 'too-large file: no done event');
  let stored = true;
  try {
    await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'public/tmp/typebots/e2e-bot/results/e2e-result/too-large.bin' }));
  } catch {
    stored = false;
  }
  check(!stored, 'too-large file: not in the bucket');

  // An unknown session is refused by the API with its message.
  const badSession = await new Promise((resolve) => {
    const child = spawn(binary, ['--api', apiBase, '--session', 'nope', paths[0]], {
      env: { ...process.env, TYPEBOT_UPLOAD_DATA_DIR: path.join(work, 'data') },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code, out }));
  });
  check(badSession.code === 1 && badSession.out.includes('has ended or cannot be found'),
        `unknown session: exit 1 with the reason in words (got ${badSession.code}: ${badSession.out.trim()})`);
} finally {
  api.close();
  await s3rver.close();
  rmSync(work, { recursive: true, force: true });
}

console.log(failures === 0 ? 'e2e: all checks passed' : `e2e: ${failures} check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
