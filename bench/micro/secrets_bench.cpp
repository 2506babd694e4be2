// Matching throughput of the secret detector on one core, with the corpus already in memory: the
// cost of `golive secrets` beyond reading files. Reads the corpus bench/secrets/gen_corpus.py
// writes (make bench-secrets generates it), or the directory GOLIVE_SECRETS_CORPUS names.
#include <benchmark/benchmark.h>
#include <hs/hs.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "secrets/database.h"
#include "secrets/detector.h"
#include "secrets/rules.h"

namespace {

using Corpus = std::vector<std::pair<std::string, std::string>>;

const Corpus& corpus() {
  static const Corpus files = [] {
    Corpus loaded;
    const char* configured = std::getenv("GOLIVE_SECRETS_CORPUS");
    std::filesystem::path root = configured != nullptr ? configured : "bench/secrets/corpus/tree";
    std::error_code error;
    for (std::filesystem::recursive_directory_iterator it(root, error), end; !error && it != end;
         it.increment(error)) {
      if (!it->is_regular_file()) continue;
      std::ifstream in(it->path(), std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      loaded.emplace_back(std::filesystem::relative(it->path(), root).string(), text.str());
    }
    return loaded;
  }();
  return files;
}

void BM_SecretsDetectorInMemory(benchmark::State& state) {
  const Corpus& files = corpus();
  if (files.empty()) {
    state.SkipWithError("no corpus: run `make bench-secrets` or set GOLIVE_SECRETS_CORPUS");
    return;
  }
  const auto& detector = golive::secrets::Detector::builtin();
  size_t bytes = 0;
  size_t findings = 0;
  for (auto _ : state) {
    for (const auto& [path, text] : files) {
      findings += detector.scan(text, path).size();
      bytes += text.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["findings_per_pass"] =
      static_cast<double>(findings) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_SecretsDetectorInMemory)->Unit(benchmark::kMillisecond)->Iterations(3);

int count_match(unsigned, unsigned long long, unsigned long long, unsigned, void* matches) {
  ++*static_cast<size_t*>(matches);
  return 0;
}

// The first pass alone: the built-in database (each rule's first-pass pattern) over the same
// bytes, with nothing done on a match. The rest of the detector's time is RE2 and the filters.
void BM_SecretsFirstPassInMemory(benchmark::State& state) {
  const Corpus& files = corpus();
  if (files.empty()) {
    state.SkipWithError("no corpus: run `make bench-secrets` or set GOLIVE_SECRETS_CORPUS");
    return;
  }
  auto database = golive::secrets::compile_database(golive::secrets::builtin_rules());
  if (!database.ok()) {
    state.SkipWithError("the built-in rules do not compile");
    return;
  }
  hs_scratch_t* scratch = nullptr;
  if (hs_alloc_scratch(*database, &scratch) != HS_SUCCESS) {
    hs_free_database(*database);
    state.SkipWithError("no Vectorscan scratch space");
    return;
  }
  size_t bytes = 0;
  size_t matches = 0;
  for (auto _ : state) {
    for (const auto& file : files) {
      hs_scan(*database, file.second.data(), static_cast<unsigned>(file.second.size()), 0, scratch,
              count_match, &matches);
      bytes += file.second.size();
    }
  }
  hs_free_scratch(scratch);
  hs_free_database(*database);
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["matches_per_pass"] =
      static_cast<double>(matches) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_SecretsFirstPassInMemory)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
