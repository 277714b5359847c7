// libFuzzer target for the query language: any bytes as a query, parsed, planned and run on the mini
// fixture with small limits. Errors the engine throws on purpose (hallyu::Error) are fine; a crash, a
// sanitizer report, any other exception or a hang is a bug.
//   cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++-14 -DHALLYU_FUZZ=ON
//   cmake --build build-fuzz --target fuzz_cypher && ./build-fuzz/tests/fuzz/fuzz_cypher -max_total_time=60 tests/fuzz/corpus/fuzz_cypher
#include <chrono>
#include <cstdint>
#include <string_view>

#include "hallyu/error.hpp"
#include "hallyu/graph.hpp"
#include "hallyu/io/json_loader.hpp"
#include "hallyu/name_index.hpp"
#include "hallyu/query/cypher/executor.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const hallyu::Graph graph(hallyu::io::load_dataset_files({std::string(HALLYU_FIXTURES) + "/mini.json"}));
  static const hallyu::NameIndex names(graph);
  hallyu::query::cypher::Limits limits;
  limits.timeout = std::chrono::milliseconds(200);
  limits.max_rows = 1000;
  limits.max_var_length = 4;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    hallyu::query::cypher::run(graph, names, text, {{"p", hallyu::query::cypher::Value(1)}}, limits);
  } catch (const hallyu::Error&) {
  }
  return 0;
}
