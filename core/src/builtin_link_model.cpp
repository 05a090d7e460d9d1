#include <string_view>

#include "readout_diff/detail/link_model.hpp"

// core/data/link-model.json, embedded by cmake/EmbedData.cmake.
extern const unsigned char readout_link_model[];
extern const std::size_t readout_link_model_size;

namespace readout_diff {

const Result<LinkModel>& builtin_link_model() {
  static const auto* const model = new Result<LinkModel>(
      parse_link_model(std::string_view(reinterpret_cast<const char*>(readout_link_model), readout_link_model_size)));
  return *model;
}

}  // namespace readout_diff
