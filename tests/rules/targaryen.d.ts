// targaryen ships no types; the part of its API the database rules test uses.
declare module 'targaryen' {
  interface Result {
    allowed: boolean;
  }
  interface Database {
    as(auth: { uid: string; token: Record<string, unknown> } | null): Database;
    write(path: string, value: unknown, now?: number): Result;
    read(path: string, now?: number): Result;
  }
  const targaryen: { database(rules: object, data: object): Database };
  export default targaryen;
}
