"""The import headers that datasets' own judges put before a solution.

A solution written for APPS or LiveCodeBench may use `reduce`, `List` or `Counter` without
importing them, because the official harness runs it after these lines; judged bare it
would fail where the dataset says it passes. Each text is the harness's own, with one
change: `numpy` (APPS) is imported only when it is installed, so its absence is not a
failure of every APPS example.

Sources: hendrycks/apps eval/testing_util.py (`sol = "import sys\\nimport time..."`),
LiveCodeBench/LiveCodeBench lcb_runner/evaluation/testing_util.py (`import_string`).
"""
from __future__ import annotations

APPS_PRELUDE = """\
import sys
import time
import itertools
from itertools import accumulate, product, permutations, combinations
import collections
from collections import Counter, OrderedDict, deque, defaultdict, ChainMap
from functools import lru_cache
import math
from math import sqrt, sin, cos, tan, ceil, fabs, floor, gcd, exp, log, log2
import fractions
from typing import List, Tuple
try:
    import numpy as np
except ImportError:
    pass
import random
import heapq
from heapq import *
"""

LIVECODEBENCH_PRELUDE = """\
from string import *
from re import *
from datetime import *
from collections import *
from heapq import *
from bisect import *
from copy import *
from math import *
from random import *
from statistics import *
from itertools import *
from functools import *
from operator import *
from io import *
from sys import *
from json import *
from builtins import *
from typing import *
import string
import re
import datetime
import collections
import heapq
import bisect
import copy
import math
import random
import statistics
import itertools
import functools
import operator
import io
import sys
import json
sys.setrecursionlimit(50000)
"""
