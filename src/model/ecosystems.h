#pragma once
#include <string_view>

#include "model/file_text.h"
#include "model/model.h"

namespace golive::model {

// Records what a package manifest or compose file says about the repository: its ecosystem and
// whether it loads a .env file at run time.
void learn_from_manifest(const SourceFile& file, const FileText& text,
                         const YamlDocumentSet* parsed, RepoModel& model);
void learn_from_compose(const YamlDocumentSet& compose, RepoModel& model);

}  // namespace golive::model
