"""The objects' reference graph: the order that defines each object after the ones it uses, and the
groups of objects that refer to one another (which share one module)."""

from __future__ import annotations


def dependency_order(uses: dict[str, list[str]]) -> list[str]:
    """Object names with the ones they use first (spec order otherwise); cycles keep spec order."""
    done: dict[str, None] = {}
    visiting: set[str] = set()

    def visit(name: str) -> None:
        if name in done or name in visiting:
            return
        visiting.add(name)
        for used in uses[name]:
            visit(used)
        visiting.discard(name)
        done[name] = None

    for name in uses:
        visit(name)
    return list(done)


def cycles(uses: dict[str, list[str]]) -> dict[str, str]:
    """Each object's group: the first (in spec order) of the objects it shares a reference cycle with.

    Tarjan's strongly connected components, iterative, so a long chain of references cannot
    exhaust the stack.
    """
    order = {name: i for i, name in enumerate(uses)}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    group: dict[str, str] = {}
    for root in uses:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            if i < len(uses[node]):
                work.append((node, i + 1))
                nxt = uses[node][i]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if low[node] == index[node]:
                members = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    members.append(member)
                    if member == node:
                        break
                first = min(members, key=order.__getitem__)
                group.update((m, first) for m in members)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return group
