// Embeds the database db_gen wrote at build time (GOLIVE_SECRET_DB_FILE) in read-only data.
#include "secrets/database.h"

asm(".section .rodata\n"
    ".balign 16\n"
    "golive_secret_db_begin:\n"
    ".incbin \"" GOLIVE_SECRET_DB_FILE
    "\"\n"
    "golive_secret_db_end:\n"
    ".global golive_secret_db_begin\n"
    ".global golive_secret_db_end\n"
    ".previous\n");

// The names the assembly above defines; C linkage, so not golive's naming.
extern "C" const char golive_secret_db_begin[];  // NOLINT(readability-identifier-naming)
extern "C" const char golive_secret_db_end[];    // NOLINT(readability-identifier-naming)

namespace golive::secrets {

std::string_view embedded_database() {
  return {golive_secret_db_begin,
          static_cast<size_t>(golive_secret_db_end - golive_secret_db_begin)};
}

}  // namespace golive::secrets
