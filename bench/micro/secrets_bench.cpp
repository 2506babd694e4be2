// Matching throughput of the secret detector on one core, with the corpus already in memory: the
// cost of `golive secrets` beyond reading files. Reads the corpus bench/secrets/gen_corpus.py
// writes (make bench-secrets generates it), or the directory GOLIVE_SECRETS_CORPUS names.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "secrets/detector.h"

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

}  // namespace
