#pragma once
#include <string>
#include <string_view>

#include "model/model.h"

namespace golive::rules::docs {

// The SPDX identifier a license text carries, recognised by its distinctive phrases; "" if none.
std::string spdx_id_of(std::string_view text);

// The license file at the repository root (LICENSE, LICENCE, COPYING, with any extension).
const model::TextDocument* root_license(const model::RepoModel& model);

}  // namespace golive::rules::docs
