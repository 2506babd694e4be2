#pragma once
// The Vectorscan side of the detector: every rule's pattern in one block-mode database. Shared
// by the build-time generator (db_gen.cpp), which embeds the compiled database in the binary,
// and by the detector, which compiles at run time only when the embedded one does not load.
#include <hs/hs.h>

#include <span>
#include <string_view>

#include "core/result.h"
#include "secrets/secret_rule.h"

namespace golive::secrets {

core::Result<hs_database_t*> compile_database(std::span<const SecretRule> rules);

// The database db_gen built from the built-in rules; empty when the build embedded none.
std::string_view embedded_database();

}  // namespace golive::secrets
