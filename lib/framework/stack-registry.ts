/**
 * Constructs of one kind per stack (or any root), in creation order: whole-stack checks read it
 * instead of walking the construct tree from every construct (quadratic with many sites).
 */
export class StackRegistry<T> {
  private readonly byScope = new WeakMap<object, T[]>();

  /** Records `member` under `scope`. */
  public add(scope: object, member: T): void {
    const list = this.byScope.get(scope) ?? [];
    list.push(member);
    this.byScope.set(scope, list);
  }

  /** Every member recorded under `scope`. */
  public of(scope: object): readonly T[] {
    return this.byScope.get(scope) ?? [];
  }
}
