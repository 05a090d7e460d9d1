// readout-lexicon-compiler LEXICON_JSON STOPWORDS_JSON DICTIONARY_INDEX DICTIONARY_ENTRIES OUTPUT
// Validates the lexicon and the stopword lists (parse_lexicon), reads the English–Hindi
// dictionary (dictd index and decompressed entries, parse_dictd), compiles them with the engine's
// own word break, normalisation and stemming (compile_lexicon, lexicon_compiler.hpp) and writes the compiled lexicon
// (compiled_lexicon.hpp) that the engine embeds. Run by the build (core/CMakeLists.txt): exit
// status 1, with the problem on stderr, fails it.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <string>

#include "readout_diff/detail/compiled_lexicon.hpp"
#include "readout_diff/detail/dictionary.hpp"
#include "readout_diff/detail/lexicon_compiler.hpp"
#include "readout_diff/detail/lexicon.hpp"

#ifdef __EMSCRIPTEN__
#include "icu_data.hpp"
#endif

namespace {

std::optional<std::string> read_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return std::nullopt;
  return bytes;
}

int fail(const std::string& message) {
  std::cerr << "readout-lexicon-compiler: " << message << "\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 6) {
    return fail("usage: readout-lexicon-compiler LEXICON_JSON STOPWORDS_JSON DICTIONARY_INDEX DICTIONARY_ENTRIES OUTPUT");
  }
  const char* lexicon_path = argv[1];
  const char* stopwords_path = argv[2];
  const char* dictionary_index_path = argv[3];
  const char* dictionary_entries_path = argv[4];
  const char* output_path = argv[5];
#ifdef __EMSCRIPTEN__
  // Under node this program sees the real file system: without this, ICU could load a data file
  // of the machine's own instead of the package the engine is built with.
  if (!readout_register_icu_data()) return fail("ICU rejected its embedded data package");
#endif

  const auto lexicon_json = read_file(lexicon_path);
  if (!lexicon_json) return fail(std::string("cannot read ") + lexicon_path);
  const auto stopwords_json = read_file(stopwords_path);
  if (!stopwords_json) return fail(std::string("cannot read ") + stopwords_path);

  auto lexicon = readout_diff::parse_lexicon(*lexicon_json, *stopwords_json);
  if (!lexicon.ok()) {
    return fail(lexicon.error().message + "\n  in " + lexicon_path + " (stopwords: " + stopwords_path + ")");
  }
  const auto dictionary_index = read_file(dictionary_index_path);
  if (!dictionary_index) return fail(std::string("cannot read ") + dictionary_index_path);
  const auto dictionary_entries = read_file(dictionary_entries_path);
  if (!dictionary_entries) return fail(std::string("cannot read ") + dictionary_entries_path);
  auto translations = readout_diff::parse_dictd(*dictionary_index, *dictionary_entries);
  if (!translations.ok()) return fail(translations.error().message + "\n  in " + dictionary_index_path);
  lexicon.value().translations = std::move(translations).value();
  const auto compiled = readout_diff::compile_lexicon(lexicon.value());
  if (!compiled.ok()) return fail(compiled.error().message);

  const std::string bytes = readout_diff::write_compiled_lexicon(compiled.value());
  // Written only when complete, so a failed run leaves no output for the build to take as done.
  const std::string partial = std::string(output_path) + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush()) return fail(std::string("cannot write ") + partial);
  }
  if (std::rename(partial.c_str(), output_path) != 0) return fail(std::string("cannot write ") + output_path);
  return 0;
}
