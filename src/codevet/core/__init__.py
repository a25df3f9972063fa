"""The bottom of codevet: the data model, typed options, errors and the Markdown parser.

Nothing here imports anything else of codevet, or anything heavy (no numpy, no
Playwright): every worker, Ray actor and adapter imports it, so it stays small.
"""
