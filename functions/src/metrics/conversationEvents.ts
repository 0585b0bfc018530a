// The events a settled conversation raises in its specialists' statistics, each
// with the marker that makes it count once and the buckets it adds to. The
// close trigger applies the events whose markers are missing; the recompute
// applies them all and writes the same markers.
import type { OutcomeAggregate } from '../shared/model';
import {
  conversationContributions,
  isEmptyOutcome,
  splitConversion,
  type ConversationOutcomeView,
} from './engagementMetrics';
import type { StatsMarker } from './events';
import { everyBucket, type BucketTarget } from './statsBuckets';

export interface OutcomePart {
  marker: StatsMarker;
  targets: BucketTarget[];
  delta: OutcomeAggregate;
}

/**
 * One `conversation` event per specialist (all their engagements here) and one
 * `conversion` event for the specialist credited with the case. Only call it
 * for a settled conversation (engagementMetrics.isSettled).
 */
export function conversationParts(
  conversationId: string,
  conversation: ConversationOutcomeView,
  firstResponseTargetSeconds: number,
): OutcomePart[] {
  const parts: OutcomePart[] = [];
  for (const contribution of conversationContributions(conversation, firstResponseTargetSeconds)) {
    const { specialistId, projectId, day } = contribution;
    const { outcome, conversion } = splitConversion(contribution.delta);
    const targets = everyBucket(projectId, day);
    parts.push({ marker: { specialistId, kind: 'conversation', sourceId: conversationId }, targets, delta: outcome });
    if (!isEmptyOutcome(conversion)) {
      parts.push({
        marker: { specialistId, kind: 'conversion', sourceId: conversationId },
        targets,
        delta: conversion,
      });
    }
  }
  return parts;
}
