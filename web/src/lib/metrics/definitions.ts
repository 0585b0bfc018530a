// The definitions shown as help on the metrics screen; docs/metrics.md says the
// same at more length. Keep the two in step.
export const DEFINITIONS: ReadonlyArray<{ term: string; definition: string }> = [
  {
    term: 'Engagement',
    definition:
      "One specialist's part of a conversation. Work is credited per engagement: a conversation transferred from level 1 to level 2 is one engagement for each specialist.",
  },
  {
    term: 'Attended L1 / L2',
    definition: 'Engagements at level 1 or level 2 that have ended, in conversations that are closed.',
  },
  { term: 'Transferred out', definition: 'Level 1 engagements that ended with a transfer to level 2.' },
  { term: 'Transferred in', definition: 'Level 2 engagements: a conversation only reaches level 2 by a transfer.' },
  { term: 'Escalation rate (L1)', definition: 'Transferred out divided by attended at level 1.' },
  {
    term: 'Converted to cases',
    definition: 'Engagements in which the specialist turned the conversation into a case.',
  },
  {
    term: 'Average rating, ratings, 1-5',
    definition:
      "A rating belongs to the specialist of the conversation's last engagement. Average of the scores, their number, and how many of each score.",
  },
  { term: 'Satisfaction (4-5)', definition: 'Ratings of 4 or 5 divided by all ratings.' },
  {
    term: 'Avg first response',
    definition:
      "From the start of the engagement (assignment or transfer) to that specialist's first message, averaged over engagements that got one.",
  },
  {
    term: 'Avg duration',
    definition: 'From the start of the engagement to its end (close, transfer or return to the queue).',
  },
  {
    term: 'Within target',
    definition:
      'Engagements whose first response came within the first-response target (General settings), divided by all engagements; an unanswered engagement missed it.',
  },
  {
    term: 'L2 pickup time',
    definition:
      'From a transfer to the first message of the level 2 specialist who answered it, averaged over answered transfers.',
  },
  {
    term: 'Days',
    definition:
      'Days are UTC days. An engagement counts on the day it started; a rating on the day it was given. Conversations are counted once they are closed.',
  },
  {
    term: 'Availability, active now',
    definition:
      'Right now, not for the chosen days: whether the specialist can take work, and how many conversations they serve.',
  },
];
