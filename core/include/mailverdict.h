/**
 * @file mailverdict.h
 * @brief Umbrella header: everything a user of the library needs.
 */
#pragma once

#include "mailverdict/address.h"
#include "mailverdict/analyze.h"
#include "mailverdict/antispam.h"
#include "mailverdict/auth_results.h"
#include "mailverdict/authentication.h"
#include "mailverdict/date.h"
#include "mailverdict/diagnosis.h"
#include "mailverdict/domain.h"
#include "mailverdict/encoded_words.h"
#include "mailverdict/errors.h"
#include "mailverdict/idna.h"
#include "mailverdict/mbox.h"
#include "mailverdict/message.h"
#include "mailverdict/received.h"
#include "mailverdict/report.h"
#include "mailverdict/route.h"
#include "mailverdict/version.h"
