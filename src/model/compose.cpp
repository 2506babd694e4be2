#include "model/compose.h"

namespace golive::model {

// Filled in by the container rule pack work; see compose.h.
ComposeFile extract_compose(const std::string& path, const parse::Node& document) {
  (void)document;
  return {path, {}};
}

}  // namespace golive::model
