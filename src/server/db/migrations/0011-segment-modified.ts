/**
 * Segments (§6.1): the header's Language Code (Default), settable by PATCH /segments/:no, and a
 * last-modified timestamp kept current on every change of the header or its lines, so GET
 * /segments can show which segments are being worked on.
 */
export const segmentModified = `
ALTER TABLE segment_header ADD COLUMN language_code text NOT NULL DEFAULT '';
ALTER TABLE segment_header ADD COLUMN last_modified timestamptz NOT NULL DEFAULT now();
`;
