// Fuzzes the hallyu/1 JSON loader (parse, per-record checks, merge): any input is loaded or refused
// with a DataError; what loads must describe itself as valid JSON.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"
#include "hallyu/error.hpp"
#include "hallyu/io/json_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace hallyu;
  std::string text(reinterpret_cast<const char*>(data), size);
  // Half the inputs load as two files that merge (the split point comes from the input).
  std::vector<io::SourceText> sources;
  std::size_t split = text.find("\n---\n");
  if (split == std::string::npos) {
    sources.push_back({"f.json", text});
  } else {
    sources.push_back({"a.json", text.substr(0, split)});
    sources.push_back({"b.json", text.substr(split + 5)});
  }
  try {
    Graph graph(io::load_dataset(sources));
    fuzz::require_graph_json(graph);
  } catch (const DataError&) {
  }
  return 0;
}
