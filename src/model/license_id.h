#pragma once
// Which license a repository carries: the file at its root and the SPDX identifier its text
// names, recognised by distinctive phrases.
#include <string>
#include <string_view>

#include "model/model.h"

namespace golive::model {

// The SPDX identifier a license text carries, recognised by its distinctive phrases; "" if none.
std::string spdx_id_of(std::string_view text);

// The license file at the repository root (LICENSE, LICENCE, COPYING, with any extension).
const TextDocument* root_license(const RepoModel& model);

}  // namespace golive::model
