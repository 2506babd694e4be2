#include "model/license_id.h"

#include <array>
#include <cctype>

#include "core/paths.h"
#include "core/strings.h"

namespace golive::model {
namespace {

struct LicenseSignature {
  std::string_view spdx;
  std::string_view phrase;
  std::string_view second_phrase;  // "" when the first is enough
};

// Ordered from the most to the least specific: the LGPL text also says "General Public License".
constexpr std::array kSignatures = {
    LicenseSignature{"AGPL-3.0", "GNU AFFERO GENERAL PUBLIC LICENSE", ""},
    LicenseSignature{"LGPL-3.0", "GNU LESSER GENERAL PUBLIC LICENSE", "Version 3"},
    LicenseSignature{"LGPL-2.1", "GNU LESSER GENERAL PUBLIC LICENSE", "Version 2.1"},
    LicenseSignature{"GPL-3.0", "GNU GENERAL PUBLIC LICENSE", "Version 3"},
    LicenseSignature{"GPL-2.0", "GNU GENERAL PUBLIC LICENSE", "Version 2"},
    LicenseSignature{"Apache-2.0", "Apache License", "Version 2.0"},
    LicenseSignature{"MPL-2.0", "Mozilla Public License", "2.0"},
    LicenseSignature{"EPL-2.0", "Eclipse Public License", "2.0"},
    LicenseSignature{"BSL-1.0", "Boost Software License", ""},
    LicenseSignature{"Unlicense", "free and unencumbered software released into the public domain",
                     ""},
    LicenseSignature{"CC0-1.0", "CC0 1.0 Universal", ""},
    LicenseSignature{
        "ISC", "Permission to use, copy, modify, and/or distribute this software for any purpose",
        ""},
    LicenseSignature{"BSD-3-Clause", "Redistribution and use in source and binary forms",
                     "Neither the name"},
    LicenseSignature{"BSD-2-Clause", "Redistribution and use in source and binary forms", ""},
    LicenseSignature{"MIT", "Permission is hereby granted, free of charge", ""},
};

std::string collapse_whitespace(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace

std::string spdx_id_of(std::string_view text) {
  constexpr std::string_view kTag = "SPDX-License-Identifier:";
  if (size_t at = text.find(kTag); at != std::string_view::npos) {
    std::string_view rest = core::trim(text.substr(at + kTag.size()));
    return std::string(rest.substr(0, rest.find_first_of(" \r\n")));
  }
  std::string flat = collapse_whitespace(text.substr(0, 40000));
  for (const auto& signature : kSignatures) {
    if (core::contains_ci(flat, signature.phrase) &&
        (signature.second_phrase.empty() || core::contains_ci(flat, signature.second_phrase))) {
      return std::string(signature.spdx);
    }
  }
  return "";
}

const TextDocument* root_license(const RepoModel& model) {
  for (const auto& doc : model.docs) {
    if (!core::directory_name(doc.path).empty()) continue;
    // "LICENSE.md" -> "LICENSE": the name without extension, upper-cased.
    std::string_view name = core::base_name(doc.path);
    size_t dot = name.find('.');
    if (dot != std::string_view::npos && dot > 0) name = name.substr(0, dot);
    std::string stem;
    for (char c : name) stem += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (stem == "LICENSE" || stem == "LICENCE" || stem == "COPYING" ||
        stem.rfind("LICENSE-", 0) == 0) {
      return &doc;
    }
  }
  return nullptr;
}

}  // namespace golive::model
