"""What every stage shares: the one error type users see (``file:line: message``),
atomic file writes, and the YAML reader whose data knows its line numbers.

May import: nothing of explainer outside this package.
"""
