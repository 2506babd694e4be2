# The Makefile only calls scripts and CMake presets; see CMakePresets.json.
ARGS ?= scan examples/gappy-shop
.PHONY: deps build run test asan bench docs format clean

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

bench: build
	@bench/run.sh

docs: build
	@build/golive rules docs docs/rules

format:
	@git ls-files '*.cpp' '*.h' | xargs clang-format -i

clean:
	@rm -rf build build-asan
