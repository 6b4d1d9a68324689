/**
 * @file diagnosis.h
 * @brief Diagnosis: rules over the gathered evidence that produce the
 * verdict, the causes and the fix list. Diagnosis never parses raw text.
 */
#pragma once

#include "mailverdict/authentication.h"
#include "mailverdict/report.h"

namespace mailverdict {

/// Adds the authentication causes (RFC 7489 §3.1 alignment, §4.2 DMARC
/// result), their fixes and the verdict to `out`.
void diagnose_authentication(const auth_assessment& auth, report& out);

}  // namespace mailverdict
