#include "readout_diff/detail/builtin_lexicon.hpp"

#include <string_view>

#include "readout_diff/detail/compiled_lexicon.hpp"

// Written by tools/lexicon-compiler, embedded by cmake/EmbedData.cmake.
extern const unsigned char readout_compiled_lexicon[];
extern const std::size_t readout_compiled_lexicon_size;

namespace readout_diff {

// Never destroyed: it lives as long as the process, and freeing its thousands of strings and
// table entries at exit took a tenth of a short CLI run.
const Result<CompiledLexicon>& builtin_lexicon() {
  static const auto* const lexicon = new Result<CompiledLexicon>(read_compiled_lexicon(
      std::string_view(reinterpret_cast<const char*>(readout_compiled_lexicon), readout_compiled_lexicon_size)));
  return *lexicon;
}

}  // namespace readout_diff
