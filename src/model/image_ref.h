#pragma once
// Container image references as Dockerfiles, compose files and manifests write them.
#include <string>
#include <string_view>

namespace golive::model {

struct ImageRef {
  std::string registry;    // "ghcr.io", "localhost:5000"; empty when none is written
  std::string repository;  // "library/node", "org/app"; as written, without registry
  std::string tag;         // empty when none is written
  std::string digest;      // "sha256:<hex>"; empty when not pinned
  bool templated = false;  // holds $VAR, ${VAR} or {{ }}: its value is decided elsewhere

  [[nodiscard]] bool pinned_by_digest() const { return !digest.empty(); }
  // No tag and no digest: the registry serves whatever "latest" is.
  [[nodiscard]] bool untagged() const { return tag.empty() && digest.empty(); }
  // The tag names a moving target (latest, stable, main, ...) rather than a release.
  [[nodiscard]] bool floating_tag() const;
};

ImageRef parse_image_ref(std::string_view text);

}  // namespace golive::model
