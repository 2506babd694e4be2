#pragma once
// Expected operational failures travel as values; exceptions stop at main.
#include <string>
#include <utility>
#include <variant>

namespace golive::core {

struct Error {
  std::string message;
  std::string path;  // empty when the failure concerns no file
  int line = 0;      // 1-based; 0 when unknown
  int column = 0;

  // Renders like a compiler diagnostic: "path:line:col: message".
  [[nodiscard]] std::string describe() const;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : state_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  [[nodiscard]] bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<0>(state_); }
  const T& value() const { return std::get<0>(state_); }
  T& operator*() { return value(); }
  T* operator->() { return &value(); }
  const Error& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

}  // namespace golive::core
