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
  try {
    Graph graph(io::load_dataset(fuzz::one_or_two_files(text, "f.json", "a.json", "b.json")));
    fuzz::require_graph_json(graph);
  } catch (const DataError&) {
  }
  return 0;
}
