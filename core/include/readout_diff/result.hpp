#pragma once
// Errors travel as values: the wasm build has C++ exceptions disabled, so no stage throws.
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace readout_diff {

struct Error {
  std::string code;     // stable machine-readable name, e.g. "invalid_utf8"
  std::string message;  // one sentence for a person, naming the problem and where
  std::optional<std::size_t> byte_offset;  // where in the input, when there is a place
};

// A value or the error that stopped it. `E` is Error but at the engine's edge (engine.hpp), where
// an error also says which input it is in.
template <class T, class E = Error>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}
  Result(E error) : state_(std::move(error)) {}
  bool ok() const { return std::holds_alternative<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T& value() & { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  const E& error() const { return std::get<E>(state_); }

 private:
  std::variant<T, E> state_;
};

}  // namespace readout_diff
