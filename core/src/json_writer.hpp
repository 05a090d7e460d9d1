#pragma once
// Writes compact JSON straight into a string, so a 50,000-sentence report never exists twice in
// memory as a document tree. Numbers go through nlohmann/json (its shortest round-trip doubles);
// strings are escaped here, byte for byte as nlohmann's dump() escapes valid UTF-8, because
// building an nlohmann::json per key and string was a fifth of a large comparison's time.
// Every string the engine writes is valid UTF-8 (checked input, cut at character boundaries).
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
    quoted(name);
    out_ += ':';
    after_key_ = true;
    return *this;
  }
  JsonWriter& value(std::string_view text) {
    separate();
    quoted(text);
    return *this;
  }
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(double number) { return raw(nlohmann::json(number).dump()); }
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

  // The whole text, in one string of exactly its size.
  std::string take() {
    if (chunks_.empty()) return std::move(out_);
    std::size_t size = out_.size();
    for (const std::string& chunk : chunks_) size += chunk.size();
    std::string text;
    text.reserve(size);
    for (std::string& chunk : chunks_) {
      text += chunk;
      std::string().swap(chunk);
    }
    chunks_.clear();
    text += out_;
    out_.clear();
    return text;
  }

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
    // A long report is kept in pieces while it is written and joined once at the end: a string
    // that doubles as it grows holds its old and new copies at once, three times the report at
    // worst (which aborted the wasm engine on two 16 MiB readouts); pieces cost twice at most.
    if (out_.size() >= kChunkBytes) {
      chunks_.push_back(std::move(out_));
      out_ = std::string();
      out_.reserve(kChunkBytes + kChunkBytes / 8);
    }
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (!first_.empty()) {
      if (!first_.back()) out_ += ',';
      first_.back() = false;
    }
  }
  // As nlohmann's serializer with ensure_ascii off: the two-character escapes JSON has, \u00xx
  // (lower-case hex) for the other control characters, and every other byte as it is.
  void quoted(std::string_view text) {
    static constexpr char kHex[] = "0123456789abcdef";
    out_ += '"';
    std::size_t plain = 0;  // start of the bytes not yet copied
    for (std::size_t i = 0; i < text.size(); ++i) {
      const auto byte = static_cast<unsigned char>(text[i]);
      if (byte >= 0x20 && byte != '"' && byte != '\\') continue;
      out_.append(text, plain, i - plain);
      plain = i + 1;
      switch (byte) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\b': out_ += "\\b"; break;
        case '\t': out_ += "\\t"; break;
        case '\n': out_ += "\\n"; break;
        case '\f': out_ += "\\f"; break;
        case '\r': out_ += "\\r"; break;
        default:
          out_ += "\\u00";
          out_ += kHex[byte >> 4];
          out_ += kHex[byte & 0xF];
      }
    }
    out_.append(text, plain, text.size() - plain);
    out_ += '"';
  }
  JsonWriter& raw(std::string_view text) {
    separate();
    out_ += text;
    return *this;
  }

  static constexpr std::size_t kChunkBytes = std::size_t{4} << 20;
  std::string out_;
  std::vector<std::string> chunks_;
  std::vector<bool> first_;
  bool after_key_ = false;
};

}  // namespace readout_diff
