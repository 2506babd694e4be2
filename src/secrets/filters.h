#pragma once
// The filters a pattern match passes before it is reported: they are what keeps the detector
// precise on real code, where most strings that look like keys are placeholders or lookups.
#include <initializer_list>
#include <string_view>

namespace golive::secrets {

// Shannon entropy of the text in bits per character.
double shannon_entropy(std::string_view text);

// A value written to be replaced (EXAMPLE, xxxx, <your-token>, ${VAR}, changeme, 123456...), a
// lookup of the real value (process.env.X, os.environ[...], $VAR) or a name from code
// (letters and separators only, like priceOrderHandler), or a key a vendor publishes for its
// local emulator (Azurite): not a committed secret.
bool is_placeholder(std::string_view secret);
// "Database:Password", "monitoring_password", "SET_A_PASSWORD_HERE_123": a name with the word for
// a credential among its parts (lower case), which names a setting rather than holding one.
bool names_a_credential(std::string_view lower);

// Paths of tests and fixtures, where findings are downgraded to warnings rather than dropped.
bool is_test_path(std::string_view path);

// Whether one of the lower-case keywords appears, case-insensitively, in the text.
bool contains_keyword(std::string_view text, std::initializer_list<std::string_view> keywords);

}  // namespace golive::secrets
