# The Makefile only calls scripts and CMake presets; see CMakePresets.json.
ARGS ?= scan examples/gappy-shop
.PHONY: deps build run test asan coverage bench bench-secrets docs format clean

deps:
	@scripts/install-deps.sh

build: deps
	@cmake --preset release >/dev/null
	@cmake --build --preset release

run: build
	@build/golive $(ARGS)

asan: deps
	@cmake --preset asan >/dev/null
	@cmake --build --preset asan

test: asan
	@ctest --preset asan

# Line coverage of src/ by the whole test suite; fails under 80%.
coverage: deps
	@cmake --preset coverage >/dev/null
	@cmake --build --preset coverage
	@ctest --preset coverage
	@gcovr --root . --filter 'src/' --print-summary --fail-under-line 80 build-coverage

bench: build
	@cmake --preset release -DGOLIVE_MICRO_BENCH=ON >/dev/null
	@cmake --build --preset release --target golive_micro_bench
	@build/bench/micro/golive_micro_bench --benchmark_min_time=0.2
	@bench/run.sh

# golive secrets against ripgrep on a generated 1.1 GiB corpus, and a 20,000-commit history.
bench-secrets: build
	@cmake --preset release -DGOLIVE_MICRO_BENCH=ON >/dev/null
	@cmake --build --preset release --target golive_micro_bench
	@python3 bench/secrets/run.py

docs: build
	@build/golive rules docs docs/rules

format:
	@git ls-files '*.cpp' '*.h' | xargs clang-format -i

clean:
	@rm -rf build build-asan build-coverage
