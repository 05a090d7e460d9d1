#pragma once
// The compiled lexicon as bytes: written at build time by tools/lexicon-compiler, embedded in the
// engine and read once per process (builtin_lexicon.hpp).
//
// Format version 3, the same bytes on every platform. Every number is an unsigned LEB128 varint;
// a list of strings is all their byte counts, then all their bytes (gzip, and so the page that
// carries the engine, compresses text and numbers better apart).
//   header       "RDLX" (as a byte count and bytes), the format version
//   entries      for concepts, commitment cues, actors and reporting verbs: count; ids; labels (per entry 0 when
//                it is the id, else its byte count + 1; then the bytes of those labels);
//                strengths (0 agreed, 1 obligation, 2 undertaking, 3 emphasis; plus 4 for a cue
//                that asserts)
//   vocabulary   count; texts in id order
//   stopwords    count; the flagged word ids, ascending, each as the gap from the one before
//   word cache   count; word ids (ascending, as gaps); stems (as distances from the word's id);
//                surfaces (per word 0 when it is the word's own text, else its byte count + 1;
//                then the bytes of those surfaces)
//   phrases      for concepts, commitment cues, actors and reporting verbs: count; entries (each as the gap from
//                the one before); stem counts; stems (coded as distances, see stem_code)
//   translations count and texts of the English stems; count and texts of the Hindi stems; per
//                Hindi stem its number of English stems, then those as gaps between indices
// Written and read in this order, so ids, matches and reports are exactly those of a lexicon
// compiled in the process (tests/native/lexicon_test.cpp checks it).
#include <string>
#include <string_view>

#include "readout_diff/features.hpp"
#include "readout_diff/result.hpp"

namespace readout_diff {

constexpr unsigned kCompiledLexiconFormat = 3;

std::string write_compiled_lexicon(const CompiledLexicon& lexicon);

// Checks every count, id and index against the bytes: damaged or other-version bytes give an
// "internal" error, never a read past the end.
Result<CompiledLexicon> read_compiled_lexicon(std::string_view bytes);

}  // namespace readout_diff
