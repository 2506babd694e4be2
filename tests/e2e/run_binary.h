#pragma once
// Runs the golive binary as a user would and captures what it prints.
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace golive::e2e {

struct Outcome {
  int exit_code = -1;
  std::string out;  // stdout and stderr together when merge_stderr
};

inline Outcome run_golive(const std::string& arguments, bool merge_stderr = true) {
  std::string command =
      std::string(GOLIVE_BINARY) + " " + arguments + (merge_stderr ? " 2>&1" : " 2>/dev/null");
  Outcome run;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return run;
  std::array<char, 4096> buffer{};
  size_t got = 0;
  while ((got = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    run.out.append(buffer.data(), got);
  int status = ::pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A repository tree in a fresh temporary directory, removed with the object.
class TempRepo {
 public:
  TempRepo() {
    std::random_device seed;
    root_ = std::filesystem::temp_directory_path() / ("golive-e2e-" + std::to_string(seed()));
    std::filesystem::create_directories(root_);
  }
  ~TempRepo() {
    std::error_code ec;
    std::filesystem::remove_all(root_, ec);
  }
  TempRepo(const TempRepo&) = delete;
  TempRepo& operator=(const TempRepo&) = delete;

  void write(const std::string& rel, const std::string& text) const {
    auto path = root_ / rel;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
  }
  [[nodiscard]] std::string path() const { return root_.string(); }

 private:
  std::filesystem::path root_;
};

}  // namespace golive::e2e
