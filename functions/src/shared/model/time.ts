// The one time type shared code knows: both SDKs' Timestamp satisfy it.

/** Both SDKs' Timestamp satisfy this, so shared code never imports an SDK. */
export interface Time {
  toMillis(): number;
}
