// What the web build gets instead of the `re2js` package (vite.config.ts aliases it here).
// Firestore imports RE2JS only to evaluate the Pipelines API's like / regexContains /
// regexMatch expressions on the client, yet its core keeps it in every bundle: about
// 45 KB gzip, a fifth of what a chat page loads. This app runs classic queries only and
// never imports firebase/firestore/pipelines (re2jsOmitted.test.ts keeps it so), so
// nothing here runs. Were it reached, Firestore catches the error and treats the
// expression as an error value.

export class RE2JS {
  static compile(pattern: string): never {
    throw new Error(
      `Regular-expression pipeline expressions are not supported in this app (pattern ${JSON.stringify(pattern)}): ` +
        'the web build omits re2js, see web/src/lib/firebase/re2jsOmitted.ts.',
    );
  }
}
