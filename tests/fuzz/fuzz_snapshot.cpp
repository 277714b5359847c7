// Fuzzes the snapshot reader with the checksum made right (io::reseal_snapshot), so crafted content
// reaches the checks: it loads or is refused with a DataError; what loads gives valid JSON output.
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "fuzz_support.hpp"
#include "hallyu/error.hpp"
#include "hallyu/io/json_results.hpp"
#include "hallyu/io/snapshot.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace hallyu;
  std::string bytes(reinterpret_cast<const char*>(data), size);
  io::reseal_snapshot(bytes);
  try {
    Graph graph(io::read_snapshot("f.hsnap", bytes));
    io::JsonWriter stats;
    io::write_stats(stats, graph);
    fuzz::require_valid_json(stats.str(), "write_stats");
    for (VertexId v = 0; v < graph.entity_count(); ++v) {
      io::JsonWriter out;
      io::write_entity_detail(out, graph, v);
      fuzz::require_valid_json(out.str(), "write_entity_detail");
    }
  } catch (const DataError&) {
  }
  return 0;
}
