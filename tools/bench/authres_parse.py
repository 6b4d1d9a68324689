#!/usr/bin/python3
"""Python's side of the Authentication-Results comparison (tools/bench/run.mjs).

Reads each file named on the command line with the standard library's email
parser (headers only, as a mail tool would), then parses every
Authentication-Results value with Debian's python3-authres. Prints how many
fields were read and how many parsed.
"""
import sys
from email import policy
from email.parser import BytesHeaderParser

import authres

parser = BytesHeaderParser(policy=policy.compat32)
fields = parsed = 0
for path in sys.argv[1:]:
    with open(path, 'rb') as f:
        msg = parser.parse(f)
    for value in msg.get_all('Authentication-Results') or []:
        fields += 1
        try:
            authres.AuthenticationResultsHeader.parse('Authentication-Results: ' + str(value))
            parsed += 1
        except Exception:  # authres raises its own errors on bad syntax
            pass
print(fields, parsed)
