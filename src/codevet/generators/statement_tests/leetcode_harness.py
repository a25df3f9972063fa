"""The judge environment a LeetCode answer is written for, as the prelude of derived tests.

This file is never imported by codevet: its text runs in the sandbox before the answer, in
the answer's namespace (TestSpec.prelude). LeetCode's editor has `List`, `Optional`,
`ListNode`, `TreeNode`, `collections`, `heapq`... in scope without imports, so an answer
judged bare would fail where LeetCode accepts it. The `_codevet_lc_*` helpers are the
`via` functions the derived `call` cases name: they build linked lists and trees from
LeetCode's list notation and read results back into it, so the sandbox itself knows
nothing of LeetCode. Nodes are made with the class the answer uses (an answer that defines
its own ListNode gets nodes of that class), by setting attributes, so any constructor works.
"""
from typing import *  # noqa: F401,F403
import bisect
import collections
import functools
import heapq
import itertools
import math
import operator
import random
import re
import string
from bisect import bisect_left, bisect_right, insort
from collections import Counter, OrderedDict, defaultdict, deque
from functools import cache, lru_cache, reduce
from heapq import heapify, heappop, heappush, heappushpop, heapreplace, nlargest, nsmallest
from itertools import accumulate, chain, combinations, count, groupby, permutations, product
from math import ceil, comb, factorial, floor, gcd, inf, isqrt, log, log2, sqrt


class ListNode:
    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next


class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def _codevet_new(cls, **attrs):
    node = cls.__new__(cls)
    for name, value in attrs.items():
        setattr(node, name, value)
    return node


def _codevet_build(value, kind):
    """A LeetCode argument from its list notation: "list" a linked list, "tree" a binary
    tree in level order with None for missing children; anything else is passed as is."""
    if kind == "list":
        head = None
        for v in reversed(value):
            head = _codevet_new(globals()["ListNode"], val=v, next=head)
        return head
    if kind == "tree":
        cls = globals()["TreeNode"]
        if not value or value[0] is None:
            return None
        root = _codevet_new(cls, val=value[0], left=None, right=None)
        queue, i = [root], 1
        while queue and i < len(value):
            node = queue.pop(0)
            for side in ("left", "right"):
                if i < len(value) and value[i] is not None:
                    child = _codevet_new(cls, val=value[i], left=None, right=None)
                    setattr(node, side, child)
                    queue.append(child)
                i += 1
        return root
    return value


def _codevet_plain(value, kind=""):
    """A result in LeetCode's notation: nodes back to lists (a cycle or a runaway list is
    cut at 100000 nodes), tuples to lists, None to [] where a list or tree was expected."""
    if value is None and kind in ("list", "tree"):
        return []
    if hasattr(value, "val") and hasattr(value, "next"):
        out, seen = [], 0
        while value is not None and seen < 100000:
            out.append(value.val)
            value, seen = value.next, seen + 1
        return out
    if hasattr(value, "val") and hasattr(value, "left") and hasattr(value, "right"):
        out, queue = [], [value]
        while queue and len(out) < 100000:
            node = queue.pop(0)
            if node is None:
                out.append(None)
                continue
            out.append(node.val)
            queue += [node.left, node.right]
        while out and out[-1] is None:
            out.pop()
        return out
    if isinstance(value, (list, tuple)):
        return [_codevet_plain(v) for v in value]
    return value


def _codevet_lc_call(fn, args, kinds=(), result="", inplace=None):
    """Call the entry point with arguments built from list notation; the value compared is
    what it returns, or the argument it modified in place ("Do not return anything")."""
    kinds = list(kinds) + [""] * (len(args) - len(kinds))
    built = [_codevet_build(a, k) for a, k in zip(args, kinds)]
    got = fn(*built)
    if inplace is not None:
        return _codevet_plain(built[inplace], kinds[inplace])
    return _codevet_plain(got, result)


def _codevet_lc_design(cls, args):
    """A design problem: `args` is [operations, their arguments]; the first operation
    constructs the object, and each later one is a method call whose result is recorded
    (None for the constructor and for methods that return nothing)."""
    ops, params = args
    if not ops or ops[0] != getattr(cls, "__name__", ""):
        raise AssertionError(f"the first operation {ops[:1]} does not construct {getattr(cls, '__name__', cls)!r}")
    obj = cls(*params[0])
    out = [None]
    for op, p in zip(ops[1:], params[1:]):
        out.append(_codevet_plain(getattr(obj, op)(*p)))
    return out
