#pragma once
// Repository-relative paths as manifests, compose files and kustomizations write them.
#include <string>
#include <string_view>

namespace golive::core {

// "a/./b/../c" -> "a/c"; "" for the repository root. A ".." that climbs above the root is
// kept ("../x"), so the path matches no file of the repository.
std::string normalize_path(std::string_view path);

// "a/b/c.yml" -> "c.yml"; a name without a slash is its own base name.
std::string_view base_name(std::string_view path);

// "a/b/c.yml" -> "a/b"; "" for a file at the repository root (never ".").
std::string_view directory_name(std::string_view path);

// directory + name, normalized; a name starting with '/' is taken from the root.
std::string join_path(std::string_view directory, std::string_view name);

}  // namespace golive::core
