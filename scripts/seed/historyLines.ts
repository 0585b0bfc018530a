// What the demo conversations say: one small script per topic, per project,
// so the transcripts an admin opens from Metrics read like a real help desk.

export interface Topic {
  /** The user's opening question; also the case subject when converted. */
  question: string;
  answer: string;
  followUp: string;
  /** The staff note a level 1 specialist leaves when transferring. */
  transferNote: string;
  levelTwoAnswer: string;
}

export const TOPICS: Record<string, Topic[]> = {
  'it-support': [
    {
      question: 'My laptop cannot connect to the office Wi-Fi since this morning.',
      answer: 'Could you forget the network and connect again with your usual password?',
      followUp: 'I tried that, it still says "cannot join network".',
      transferNote: 'Certificate error on the corporate SSID; looks like a RADIUS issue, not the laptop.',
      levelTwoAnswer: 'I renewed the certificate for your device; please try joining again now.',
    },
    {
      question: 'Outlook keeps asking for my password every few minutes.',
      answer: 'Please sign out of Office, close Outlook and sign in again.',
      followUp: 'Done, it seems quieter now. Thanks!',
      transferNote: 'Token refresh fails even after sign-out; account may need a conditional access review.',
      levelTwoAnswer: 'There was a stale device registration on your account; I removed it.',
    },
    {
      question: 'I need access to the shared drive of the finance team.',
      answer: 'Your manager has to approve this; I can open a request for you.',
      followUp: 'Yes please, my manager is Karen Liu.',
      transferNote: 'Finance share uses a restricted group, needs L2 to change membership.',
      levelTwoAnswer: 'I added you to the finance readers group; log off and on to see the drive.',
    },
  ],
  hr: [
    {
      question: 'My payslip for last month shows the wrong number of leave days.',
      answer: 'Thanks, I can see the leave balance; let me check the booked days.',
      followUp: 'I booked three days in week 12 and they are not deducted correctly.',
      transferNote: 'Leave correction needs a payroll adjustment, only HR L2 can approve it.',
      levelTwoAnswer: 'I corrected the balance; the next payslip will show the adjustment.',
    },
    {
      question: 'How do I change the bank account my salary is paid into?',
      answer: 'You can change it in the HR portal under Personal details > Payment.',
      followUp: 'Found it, thank you.',
      transferNote: 'Portal rejects the foreign IBAN; needs a manual update.',
      levelTwoAnswer: 'I updated the account manually; it applies from next month.',
    },
    {
      question: 'Can I take parental leave in two separate blocks?',
      answer: 'Yes, the policy allows up to three blocks; I will send you the form.',
      followUp: 'Great, and do I need my manager to sign it first?',
      transferNote: 'Question about combining blocks with part-time work; policy exception.',
      levelTwoAnswer: 'That combination is allowed; I noted it on your file.',
    },
  ],
  facilities: [
    {
      question: 'The heating in meeting room 3B is not working.',
      answer: 'Thanks for reporting it; is the thermostat display on?',
      followUp: 'The display is blank.',
      transferNote: 'Thermostat without power; probably the zone controller, needs a technician.',
      levelTwoAnswer: 'A technician replaced the zone controller fuse; the room is warming up.',
    },
    {
      question: 'My access badge stopped opening the car park gate.',
      answer: 'Could you tell me the number printed on the back of the badge?',
      followUp: 'It is 40-1187.',
      transferNote: 'Badge valid in the main building but not the gate; gate controller list out of sync.',
      levelTwoAnswer: 'I re-synced the gate controller; your badge works again.',
    },
    {
      question: 'Can I get a standing desk for my workplace on floor 2?',
      answer: 'Yes, we have a few in stock; which desk number are you at?',
      followUp: 'Desk 2.14, near the window.',
      transferNote: 'Floor 2 has no spare power socket at 2.14; needs an electrician first.',
      levelTwoAnswer: 'The electrician is booked for Thursday and the desk follows on Friday.',
    },
  ],
};

export const USER_THANKS = ['Thanks a lot!', 'Perfect, that works.', 'OK, thank you for your help.', 'Great, cheers.'];

export const RATING_COMMENTS = [
  'Quick and friendly, thank you.',
  'Solved in a few minutes.',
  'Very helpful.',
  'Took a while but it is fixed.',
  'I had to explain the problem twice.',
  'Nobody answered me.',
];
