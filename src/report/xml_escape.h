#pragma once
#include <string>
#include <string_view>

namespace golive::report {

// Escapes text for an XML attribute or element; drops characters XML 1.0 forbids.
std::string xml_escape(std::string_view text);

}  // namespace golive::report
