#pragma once
// Writes compact JSON straight into a string, so a 50,000-sentence report never exists twice in
// memory as a document tree. Scalars go through nlohmann/json, which keeps escaping and number
// formatting exactly those of nlohmann's own dump().
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace readout_diff {

class JsonWriter {
 public:
  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }

  JsonWriter& key(std::string_view name) {
    separate();
    scalar(nlohmann::json(std::string(name)));
    out_ += ':';
    after_key_ = true;
    return *this;
  }
  JsonWriter& value(std::string_view text) { return item(nlohmann::json(std::string(text))); }
  JsonWriter& value(const char* text) { return item(nlohmann::json(text)); }
  JsonWriter& value(double number) { return item(nlohmann::json(number)); }
  JsonWriter& value(bool flag) { return raw(flag ? "true" : "false"); }
  JsonWriter& value(std::size_t number) { return raw(std::to_string(number)); }
  JsonWriter& value(int number) { return raw(std::to_string(number)); }
  JsonWriter& null() { return raw("null"); }

  template <class Range>
  JsonWriter& array_of(const Range& values) {
    begin_array();
    for (const auto& v : values) value(v);
    return end_array();
  }

  std::string take() { return std::move(out_); }

 private:
  JsonWriter& open(char bracket) {
    separate();
    out_ += bracket;
    first_.push_back(true);
    return *this;
  }
  JsonWriter& close(char bracket) {
    out_ += bracket;
    first_.pop_back();
    return *this;
  }
  void separate() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (!first_.empty()) {
      if (!first_.back()) out_ += ',';
      first_.back() = false;
    }
  }
  void scalar(const nlohmann::json& v) { out_ += v.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }
  JsonWriter& item(const nlohmann::json& v) {
    separate();
    scalar(v);
    return *this;
  }
  JsonWriter& raw(std::string_view text) {
    separate();
    out_ += text;
    return *this;
  }

  std::string out_;
  std::vector<bool> first_;
  bool after_key_ = false;
};

}  // namespace readout_diff
