"""A ``doclint-disable`` comment that suppressed nothing, or names an unknown rule.

Suppressions outlive the problems they were written for: the text gets fixed, the
comment stays and would silently hide the next real problem on that line. Remove
the comment, or correct the rule name in it.

This rule's findings are produced by the engine after the other rules ran.
"""

CODE = "DL009"
NAME = "unused-suppression"
CATEGORY = "syntax"
SEVERITY = "info"
NEEDS_SOURCE = False
