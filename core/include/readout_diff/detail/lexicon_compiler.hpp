#pragma once
// The lexicon compiler: the lexicon's stopwords, phrases and dictionary read by the Tokenizer
// exactly as a readout's words are, into the CompiledLexicon the engine embeds. Run at build time
// (tools/lexicon-compiler) and by the tests.
#include <cstddef>

#include "readout_diff/detail/compiled_lexicon.hpp"
#include "readout_diff/detail/lexicon.hpp"
#include "readout_diff/result.hpp"

namespace readout_diff {

// A Hindi word the dictionary gives more English headwords than this for is a function word
// or a light verb ("करना" 1,665, "रखना" 104): it says nothing about a sentence. Content words
// stay under it ("सीमा" 27: border, limit, frontier…; "क्षेत्र" 33).
inline constexpr std::size_t kMaxTranslationsPerWord = 40;

Result<CompiledLexicon> compile_lexicon(const Lexicon& lexicon);

}  // namespace readout_diff
