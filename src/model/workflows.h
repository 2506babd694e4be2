#pragma once
#include "model/model.h"

namespace golive::model {

// Reads a GitHub Actions workflow document into triggers, jobs and steps.
Workflow extract_workflow(const std::string& path, const parse::Node& root);

}  // namespace golive::model
