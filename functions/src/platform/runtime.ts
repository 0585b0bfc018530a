// Where this code runs. The Functions emulator sets FUNCTIONS_EMULATOR; tests and
// the local scheduler, which run function code beside the emulators, set
// FIRESTORE_EMULATOR_HOST, which also points the Admin SDK at the emulator, so
// no real project's data is reachable when it is set. A deployed function has
// neither.
export const onEmulators = (): boolean =>
  process.env.FUNCTIONS_EMULATOR === 'true' || !!process.env.FIRESTORE_EMULATOR_HOST;
