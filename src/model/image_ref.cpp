#include "model/image_ref.h"

#include <algorithm>
#include <array>

#include "core/strings.h"

namespace golive::model {
namespace {

constexpr std::array<std::string_view, 10> kFloatingTags = {
    "latest", "stable", "edge", "nightly", "main", "master", "rolling", "lts", "current", "dev"};

// The first path component is a registry when it has a dot or a port, or is localhost.
bool looks_like_registry(std::string_view component) {
  return component.find('.') != std::string_view::npos ||
         component.find(':') != std::string_view::npos || component == "localhost";
}

}  // namespace

bool ImageRef::floating_tag() const {
  if (tag.empty()) return false;
  std::string lower = core::to_lower(tag);
  return std::find(kFloatingTags.begin(), kFloatingTags.end(), lower) != kFloatingTags.end();
}

ImageRef parse_image_ref(std::string_view text) {
  ImageRef ref;
  text = core::trim(text);
  // $VAR, {{ }}, a {IMAGE} or <image> placeholder a script fills in, or ko:// (ko builds the
  // image and writes its digest at deploy time): the image is decided elsewhere.
  ref.templated =
      text.find_first_of("${<%") != std::string_view::npos || core::starts_with(text, "ko://");
  size_t at = text.find('@');
  if (at != std::string_view::npos) {
    ref.digest = std::string(text.substr(at + 1));
    text = text.substr(0, at);
  }
  size_t slash = text.find('/');
  if (slash != std::string_view::npos && looks_like_registry(text.substr(0, slash))) {
    ref.registry = std::string(text.substr(0, slash));
    text = text.substr(slash + 1);
  }
  size_t colon = text.rfind(':');
  if (colon != std::string_view::npos && text.find('/', colon) == std::string_view::npos) {
    ref.tag = std::string(text.substr(colon + 1));
    text = text.substr(0, colon);
  }
  ref.repository = std::string(text);
  return ref;
}

}  // namespace golive::model
