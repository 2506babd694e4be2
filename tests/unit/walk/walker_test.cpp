#include "walk/walker.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "../support/temp_dir.h"

namespace golive::walk {
namespace {

using golive::testing::TempDir;

struct WalkOutcome {
  std::vector<std::string> paths;  // sorted
  std::map<std::string, std::string> contents;
  std::vector<SkippedPath> skipped;
  size_t too_large = 0;
  size_t symlinks_skipped = 0;
  size_t ignored = 0;
};

WalkOutcome walk(const std::string& root, unsigned workers, WalkOptions options = {}) {
  options.root = root;
  core::ThreadPool pool(workers);
  Walker walker(options, pool);
  WalkOutcome outcome;
  std::mutex mutex;
  walker.run([&](const WalkedFile& file) {
    std::ifstream in(file.abs_path, std::ios::binary);
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::lock_guard lock(mutex);
    outcome.paths.push_back(file.rel_path);
    outcome.contents[file.rel_path] = content;
  });
  std::sort(outcome.paths.begin(), outcome.paths.end());
  outcome.skipped = walker.skipped();
  outcome.too_large = walker.stats().too_large;
  outcome.symlinks_skipped = walker.stats().symlinks_skipped;
  outcome.ignored = walker.stats().ignored;
  return outcome;
}

bool has(const std::vector<std::string>& paths, std::string_view path) {
  return std::find(paths.begin(), paths.end(), path) != paths.end();
}

TEST(Walker, FindsFilesWithRelativeSlashPaths) {
  TempDir dir;
  dir.write("README.md", "# hi\n");
  dir.write("src/main.cpp", "int main() {}\n");
  dir.write("src/deep/er/x.txt", "x");
  WalkOutcome out = walk(dir.str(), 2);
  EXPECT_EQ(out.paths,
            (std::vector<std::string>{"README.md", "src/deep/er/x.txt", "src/main.cpp"}));
  EXPECT_EQ(out.contents["src/main.cpp"], "int main() {}\n");
  EXPECT_TRUE(out.skipped.empty());
}

TEST(Walker, ReportsSizes) {
  TempDir dir;
  dir.write("a.txt", "12345");
  core::ThreadPool pool(1);
  Walker walker({dir.str(), 1024, {}}, pool);
  std::vector<WalkedFile> files;
  walker.run([&](const WalkedFile& file) { files.push_back(file); });
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].rel_path, "a.txt");
  EXPECT_EQ(files[0].size, 5u);
  EXPECT_EQ(files[0].abs_path, dir.str() + "/a.txt");
  EXPECT_EQ(walker.stats().files.load(), 1u);
}

TEST(Walker, HonoursNestedGitignoreAndGoliveIgnore) {
  TempDir dir;
  dir.write(".gitignore", "*.log\nbuild/\n/root-only.txt\n");
  dir.write(".golive-ignore", "vendor/\n");
  dir.write("app.log", "x");
  dir.write("keep.txt", "x");
  dir.write("root-only.txt", "x");
  dir.write("build/out.bin", "x");
  dir.write("vendor/lib.c", "x");
  dir.write("sub/.gitignore", "!important.log\n*.tmp\n");
  dir.write("sub/important.log", "x");
  dir.write("sub/other.log", "x");
  dir.write("sub/root-only.txt", "x");  // "/root-only.txt" is anchored to the root
  dir.write("sub/scratch.tmp", "x");
  dir.write("sub/.golive-ignore", "secret.txt\n");
  dir.write("sub/secret.txt", "x");
  dir.write("scratch.tmp", "x");      // sub/.gitignore does not reach up
  dir.write("src/build/gen.c", "x");  // "build/" matches at any depth
  WalkOutcome out = walk(dir.str(), 2);
  EXPECT_EQ(out.paths,
            (std::vector<std::string>{".gitignore", ".golive-ignore", "keep.txt", "scratch.tmp",
                                      "sub/.gitignore", "sub/.golive-ignore", "sub/important.log",
                                      "sub/root-only.txt"}));
  // app.log, build/, root-only.txt, vendor/, sub/other.log, sub/scratch.tmp, sub/secret.txt
  // and src/build/.
  EXPECT_EQ(out.ignored, 8u);
  EXPECT_TRUE(out.skipped.empty());  // ignored paths are not reported as skipped
}

TEST(Walker, GoliveIgnoreOverridesGitignoreInTheSameDirectory) {
  TempDir dir;
  dir.write(".gitignore", "*.gen\n");
  dir.write(".golive-ignore", "!wanted.gen\n");
  dir.write("wanted.gen", "x");
  dir.write("other.gen", "x");
  WalkOutcome out = walk(dir.str(), 1);
  EXPECT_TRUE(has(out.paths, "wanted.gen"));
  EXPECT_FALSE(has(out.paths, "other.gen"));
}

TEST(Walker, SkipsGitAndNodeModulesAtAnyDepth) {
  TempDir dir;
  dir.write(".git/config", "x");
  dir.write(".git/objects/ab/cdef", "x");
  dir.write("node_modules/left-pad/index.js", "x");
  dir.write("web/node_modules/react/index.js", "x");
  dir.write("web/index.js", "x");
  dir.write(".github/workflows/ci.yml", "x");
  WalkOutcome out = walk(dir.str(), 2);
  EXPECT_EQ(out.paths, (std::vector<std::string>{".github/workflows/ci.yml", "web/index.js"}));
}

TEST(Walker, SkipsAndReportsFilesOverTheSizeLimit) {
  TempDir dir;
  dir.write("small.txt", std::string(1024, 'a'));
  dir.write("big/huge.bin", std::string(1025, 'b'));
  WalkOptions options;
  options.max_file_size = 1024;
  WalkOutcome out = walk(dir.str(), 2, options);
  EXPECT_EQ(out.paths, (std::vector<std::string>{"small.txt"}));
  EXPECT_EQ(out.too_large, 1u);
  ASSERT_EQ(out.skipped.size(), 1u);
  EXPECT_EQ(out.skipped[0].rel_path, "big/huge.bin");
  EXPECT_NE(out.skipped[0].reason.find("size limit"), std::string::npos) << out.skipped[0].reason;
  EXPECT_NE(out.skipped[0].reason.find("1024"), std::string::npos) << out.skipped[0].reason;
}

TEST(Walker, IgnoredLargeFilesAreNotReported) {
  TempDir dir;
  dir.write(".gitignore", "*.bin\n");
  dir.write("huge.bin", std::string(4096, 'b'));
  WalkOptions options;
  options.max_file_size = 1024;
  WalkOutcome out = walk(dir.str(), 1, options);
  EXPECT_TRUE(out.skipped.empty());
  EXPECT_EQ(out.too_large, 0u);
}

TEST(Walker, SymlinkLeavingTheRootIsSkippedAndReported) {
  TempDir outside;
  outside.write("secret.txt", "do not read");
  TempDir dir;
  dir.write("real.txt", "inside");
  std::filesystem::create_symlink(outside.path() / "secret.txt", dir.path() / "escape.txt");
  std::filesystem::create_directory_symlink(outside.path(), dir.path() / "escape-dir");
  WalkOutcome out = walk(dir.str(), 2);
  EXPECT_EQ(out.paths, (std::vector<std::string>{"real.txt"}));
  EXPECT_EQ(out.symlinks_skipped, 2u);
  ASSERT_EQ(out.skipped.size(), 2u);
  EXPECT_EQ(out.skipped[0].rel_path, "escape-dir");
  EXPECT_EQ(out.skipped[1].rel_path, "escape.txt");
  EXPECT_NE(out.skipped[1].reason.find("symbolic link"), std::string::npos);
}

TEST(Walker, DanglingSymlinkIsSkippedAndReported) {
  TempDir dir;
  std::filesystem::create_symlink(dir.path() / "missing.txt", dir.path() / "dangling.txt");
  WalkOutcome out = walk(dir.str(), 1);
  EXPECT_TRUE(out.paths.empty());
  ASSERT_EQ(out.skipped.size(), 1u);
  EXPECT_EQ(out.skipped[0].rel_path, "dangling.txt");
}

TEST(Walker, SymlinkToAFileInsideTheRootIsRead) {
  TempDir dir;
  dir.write("config/real.yml", "key: value\n");
  std::filesystem::create_symlink(dir.path() / "config" / "real.yml", dir.path() / "link.yml");
  // A relative link works the same way.
  std::filesystem::create_directories(dir.path() / "other");
  std::filesystem::create_symlink("../config/real.yml", dir.path() / "other" / "rel.yml");
  WalkOutcome out = walk(dir.str(), 2);
  EXPECT_EQ(out.paths, (std::vector<std::string>{"config/real.yml", "link.yml", "other/rel.yml"}));
  EXPECT_EQ(out.contents["link.yml"], "key: value\n");
  EXPECT_EQ(out.contents["other/rel.yml"], "key: value\n");
  EXPECT_TRUE(out.skipped.empty());
}

TEST(Walker, ExcludesOptionWorks) {
  TempDir dir;
  dir.write("docs/a.md", "x");
  dir.write("src/a.cpp", "x");
  dir.write("src/a.cpp.bak", "x");
  dir.write("src/keep.bak", "x");
  dir.write("tests/fixtures/bad.yml", "x");
  dir.write("tests/unit.cpp", "x");
  WalkOptions options;
  options.excludes = {"docs/", "*.bak", "!keep.bak", "tests/fixtures/**"};
  WalkOutcome out = walk(dir.str(), 2, options);
  EXPECT_EQ(out.paths, (std::vector<std::string>{"src/a.cpp", "src/keep.bak", "tests/unit.cpp"}));
}

TEST(Walker, ExcludeNegationDoesNotOverrideGitignore) {
  TempDir dir;
  dir.write(".gitignore", "*.bak\n");
  dir.write("keep.bak", "x");
  WalkOptions options;
  options.excludes = {"!keep.bak"};
  WalkOutcome out = walk(dir.str(), 1, options);
  EXPECT_FALSE(has(out.paths, "keep.bak"));
}

TEST(Walker, SameResultsWithOneAndFourWorkers) {
  TempDir dir;
  dir.write(".gitignore", "*.o\n");
  for (int d = 0; d < 6; ++d) {
    for (int f = 0; f < 40; ++f) {  // more than one batch per directory
      std::string base = "dir" + std::to_string(d) + "/sub" + std::to_string(f % 3) + "/";
      dir.write(base + "file" + std::to_string(f) + ".txt", std::to_string(f));
      dir.write(base + "file" + std::to_string(f) + ".o", "obj");
    }
  }
  WalkOutcome one = walk(dir.str(), 1);
  WalkOutcome four = walk(dir.str(), 4);
  EXPECT_EQ(one.paths.size(), 6u * 40u + 1u);
  EXPECT_EQ(one.paths, four.paths);
  EXPECT_EQ(one.contents, four.contents);
  EXPECT_EQ(one.ignored, four.ignored);
  EXPECT_EQ(one.ignored, 6u * 40u);
}

TEST(Walker, UnreadableRootIsReported) {
  TempDir dir;
  WalkOutcome out = walk(dir.str() + "/does-not-exist", 1);
  EXPECT_TRUE(out.paths.empty());
  ASSERT_EQ(out.skipped.size(), 1u);
  EXPECT_EQ(out.skipped[0].rel_path, ".");
}

}  // namespace
}  // namespace golive::walk
