// What the metrics screens cost in Firestore reads, counted as Firestore bills
// them; the table page prints it, and tests hold it to O(specialists x days).
import type { DocumentSnapshot, QuerySnapshot } from 'firebase/firestore';

/** Billed document reads: a query costs its documents, at least one; a get costs one. */
export class ReadMeter {
  reads = 0;
  queries = 0;
  counted<T extends QuerySnapshot | DocumentSnapshot>(snapshot: T): T {
    this.queries += 1;
    this.reads += 'size' in snapshot ? Math.max(1, snapshot.size) : 1;
    return snapshot;
  }
}
