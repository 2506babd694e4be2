// Micro benchmarks of the hot per-file work: YAML parsing, step recognition and ignore matching.
// Run with `make bench` (they print before the whole-program figures).
#include <benchmark/benchmark.h>

#include <string>

#include "core/glob.h"
#include "model/step_kinds.h"
#include "parse/yaml.h"

namespace {

std::string manifest(int containers) {
  std::string text =
      "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n"
      "    spec:\n      containers:\n";
  for (int i = 0; i < containers; ++i) {
    text += "        - name: c" + std::to_string(i) +
            "\n          image: registry.example.com/api:1.2." + std::to_string(i) +
            "\n          resources:\n            limits: {cpu: 500m, memory: 512Mi}\n";
  }
  return text;
}

void BM_ParseYaml(benchmark::State& state) {
  std::string text = manifest(static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(golive::parse::parse_yaml(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ParseYaml)->Arg(1)->Arg(16)->Arg(256);

void BM_RecogniseStep(benchmark::State& state) {
  const std::string run = "npm ci\nnpm run lint\nnpm test -- --coverage\ndocker build -t app .\n";
  for (auto _ : state)
    benchmark::DoNotOptimize(golive::model::recognise_step("actions/checkout@v4", run));
}
BENCHMARK(BM_RecogniseStep);

void BM_GlobMatch(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        golive::core::glob_match("services/**/test/*.spec.js", "services/a/b/c/test/x.spec.js"));
  }
}
BENCHMARK(BM_GlobMatch);

}  // namespace

BENCHMARK_MAIN();
