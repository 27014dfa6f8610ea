#!/usr/bin/env node
// Draws Rapport's icon — a white "R" on a deep-teal rounded square — at every size the manifest
// uses (16, 32, 80 for ribbon buttons; 64 and 128 for the add-in's icon and high-resolution icon)
// and writes them as assets/icon-<size>.png; for the unified manifest's app package also the
// 192 px colour icon (assets/color-192.png) and the 32 px outline icon, the white letter alone on
// transparency (assets/outline-32.png). Node built-ins only: the shapes are sampled on a
// 1×1 canvas, supersampled for smooth edges, and encoded as RGBA PNG with zlib.
//
//   node assets/make-icons.js
//
// The PNGs are committed; run this again only when the mark changes.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const SIZES = [16, 32, 64, 80, 128];
const TEAL = [0x0a, 0x5c, 0x63];
const WHITE = [0xff, 0xff, 0xff];

// The mark, in unit coordinates (x right, y down, both 0..1). Edges fall on whole pixels at 16 px
// (multiples of 1/16), so the smallest ribbon icon stays crisp.
const CORNER = 3 / 16; // radius of the square's corners
const STROKE = 2 / 16; // the letter's stroke width
const TOP = 3 / 16;
const BOTTOM = 13 / 16;
const STEM_LEFT = 5 / 16;
const BOWL_BOTTOM = 9 / 16;
const BOWL_RIGHT = 11 / 16;
const BOWL_RADIUS = (BOWL_BOTTOM - TOP) / 2;
const BOWL_CENTRE_X = BOWL_RIGHT - BOWL_RADIUS;
const BOWL_CENTRE_Y = TOP + BOWL_RADIUS;
const LEG_FROM = [7.5 / 16, BOWL_BOTTOM - STROKE / 2];
const LEG_TO = [11.25 / 16, BOTTOM];

/** Inside the rounded square that forms the background. */
function inSquare(x, y) {
  const cx = Math.min(Math.max(x, CORNER), 1 - CORNER);
  const cy = Math.min(Math.max(y, CORNER), 1 - CORNER);
  return (x - cx) ** 2 + (y - cy) ** 2 <= CORNER ** 2;
}

/** A "D"-shaped ring: a straight top and bottom bar closed by a half circle on the right. */
function inBowl(x, y) {
  if (y < TOP || y > BOWL_BOTTOM || x < STEM_LEFT) return false;
  if (x <= BOWL_CENTRE_X) return y <= TOP + STROKE || y >= BOWL_BOTTOM - STROKE;
  const d = Math.hypot(x - BOWL_CENTRE_X, y - BOWL_CENTRE_Y);
  return d <= BOWL_RADIUS && d >= BOWL_RADIUS - STROKE;
}

/** The diagonal leg: a thick segment from under the bowl to the baseline, cut flat at the baseline. */
function inLeg(x, y) {
  if (y > BOTTOM) return false;
  const [ax, ay] = LEG_FROM;
  const [bx, by] = LEG_TO;
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.min(Math.max(((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy), 0), 1.2);
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy)) <= STROKE / 2;
}

function inLetter(x, y) {
  const inStem = x >= STEM_LEFT && x <= STEM_LEFT + STROKE && y >= TOP && y <= BOTTOM;
  return inStem || inBowl(x, y) || inLeg(x, y);
}

/** RGBA pixels, row by row, each row prefixed with PNG filter type 0 (none); `outline`: the letter only, white on transparency. */
function render(size, outline = false) {
  const samples = size <= 32 ? 8 : 4;
  const rowBytes = 1 + size * 4;
  const raw = Buffer.alloc(rowBytes * size);
  for (let py = 0; py < size; py++) {
    raw[py * rowBytes] = 0;
    for (let px = 0; px < size; px++) {
      let square = 0;
      let letter = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          if (inSquare(x, y)) {
            square++;
            if (inLetter(x, y)) letter++;
          }
        }
      }
      const offset = py * rowBytes + 1 + px * 4;
      if (outline) {
        raw.fill(0xff, offset, offset + 3);
        raw[offset + 3] = Math.round((255 * letter) / (samples * samples));
        continue;
      }
      const mix = square === 0 ? 0 : letter / square;
      for (let c = 0; c < 3; c++) raw[offset + c] = Math.round(TEAL[c] + (WHITE[c] - TEAL[c]) * mix);
      raw[offset + 3] = Math.round((255 * square) / (samples * samples));
    }
  }
  return raw;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, outline = false) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0); // width
  header.writeUInt32BE(size, 4); // height
  header[8] = 8; // bits per channel
  header[9] = 6; // colour type: RGBA
  header[10] = 0; // compression: deflate
  header[11] = 0; // filter method 0
  header[12] = 0; // no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(render(size, outline), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const ICONS = [
  ...SIZES.map((size) => ({ name: `icon-${size}.png`, size, outline: false })),
  { name: 'color-192.png', size: 192, outline: false },
  { name: 'outline-32.png', size: 32, outline: true },
];

for (const { name, size, outline } of ICONS) {
  const file = path.join(__dirname, name);
  fs.writeFileSync(file, png(size, outline));
  process.stdout.write(`${path.relative(process.cwd(), file)}\n`);
}
