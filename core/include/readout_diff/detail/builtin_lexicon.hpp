#pragma once
// The lexicon built into the engine: core/data/lexicon.json and stopwords.json (or the files named
// by READOUT_DIFF_LEXICON), compiled at build time by tools/lexicon-compiler and embedded in the
// readout_engine library.
#include "readout_diff/detail/compiled_lexicon.hpp"

namespace readout_diff {

// Loaded on first use, once per process. An error only if the embedded bytes are damaged (a
// broken build): a bad lexicon.json already fails the build.
const Result<CompiledLexicon>& builtin_lexicon();

}  // namespace readout_diff
